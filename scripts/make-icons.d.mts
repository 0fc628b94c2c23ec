/** Types for make-icons.mjs (a plain script run by Node, imported by the tests). */
export const LINUX_ICON_SIZES: number[];
export const MAIN_ICON_SIZE: number;
export function drawIcon(size: number): Buffer;
export function encodePng(width: number, height: number, rgba: Buffer): Buffer;
export function iconFiles(): Map<string, Buffer>;
