export const CLIENT_ADDRESS_HEADER: "x-evosense-client-address";
export function normalizeAddress(value: unknown): string | null;
export function addressBucket(address: string): string;
export function parseTrustedProxies(value: string | undefined): (address: string) => boolean;
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  isTrusted: (address: string) => boolean,
): string | null;
export type StampableRequest = {
  headers: Record<string, string | string[] | undefined>;
  rawHeaders?: string[];
  socket?: { remoteAddress?: string };
};
export function stampClientAddress(req: StampableRequest, isTrusted: (address: string) => boolean): void;
export function markClientAddressStamped(): void;
export function clientAddress(headers: Headers): string | null;
