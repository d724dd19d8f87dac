import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Creates an HTTP server that serves `root` under `base`, like a plain static host. */
export function createStaticServer(options: { root: string; base?: string }): Server;
/** Starts the server and resolves with its address once it listens. */
export function listen(server: Server, port: number, host?: string): Promise<AddressInfo | string | null>;
