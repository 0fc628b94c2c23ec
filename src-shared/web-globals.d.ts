/**
 * The one web-platform global src-shared uses. It exists alike in Node, the browser and
 * Electron, but belongs to neither the ES lib nor a runtime's types, so it is declared here
 * (only what is used), keeping DOM and Node types out of this layer.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly username: string;
  readonly password: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly origin: string;
  toString(): string;
}
