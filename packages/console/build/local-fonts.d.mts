export declare function localFontsOnly(): import("vite").Plugin;
