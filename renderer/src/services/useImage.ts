/** A blob: URL for a site image, read through the contract once it is known to exist. */
import { useEffect, useState } from 'react';
import { useEditor } from '../store/hooks';
import { useServices } from './services';

/** A site image as a field shows it. */
export interface ImageInfo {
  /** A blob: URL of the image, when it could be read. */
  readonly url: string | null;
  /** The file is known not to exist. */
  readonly missing: boolean;
}

/** The image at a site path (read once it is known to exist). */
export function useImage(path: string): ImageInfo {
  const { assets } = useServices();
  const key = path.trim().replace(/^\/+/, '');
  const exists = useEditor((s) => (key ? s.site.files[key] : undefined));
  const [url, setUrl] = useState<{ key: string; url: string | null } | null>(null);
  // Bumped when the file is written again (a new cover or card), so the new bytes are shown.
  const [version, setVersion] = useState(0);
  useEffect(() => assets.onForget((p) => p === key && setVersion((v) => v + 1)), [assets, key]);
  useEffect(() => {
    if (!key || exists !== true) return;
    let live = true;
    void assets.url(key).then((u) => live && setUrl({ key, url: u }));
    return () => {
      live = false;
    };
  }, [assets, key, exists, version]);
  return { url: url?.key === key ? url.url : null, missing: !!key && exists === false };
}
