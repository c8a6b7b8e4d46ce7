/** Site images for the page: the contract returns base64, the page shows blob: URLs. */
import type { BookApi } from '../../../shared/api';

export class AssetCache {
  private readonly urls = new Map<string, Promise<string | null>>();
  private readonly listeners = new Set<(path: string) => void>();
  constructor(private readonly api: BookApi) {}

  /** A blob: URL for a site file, or null when it cannot be read. */
  url(path: string): Promise<string | null> {
    const key = path.replace(/^\/+/, '');
    let p = this.urls.get(key);
    if (!p) {
      p = this.api.readAsset(key).then(
        (a) => {
          const bytes = Uint8Array.from(atob(a.base64), (c) => c.charCodeAt(0));
          return URL.createObjectURL(new Blob([bytes], { type: a.mime }));
        },
        () => null,
      );
      this.urls.set(key, p);
    }
    return p;
  }

  /** Forgets a file (it changed on disk): whoever shows it reads it again. */
  forget(path: string): void {
    const key = path.replace(/^\/+/, '');
    void this.urls.get(key)?.then((u) => u && URL.revokeObjectURL(u));
    this.urls.delete(key);
    for (const f of [...this.listeners]) f(key);
  }

  /** Calls `f` with the path of each file forgotten; returns the unsubscription. */
  onForget(f: (path: string) => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }
}
