/**
 * Seals secrets (sandbox API keys, tokens) before they are stored, and opens them again. The desktop
 * app backs it with the operating system's key store; domain modules only see this interface.
 */
export interface SecretBox {
  /** Returns an opaque printable string safe to store in a workspace or settings file. */
  seal(plain: string): string;
  /** Reverses seal(); throws when the text was not sealed by this box on this machine. */
  open(sealed: string): string;
}
