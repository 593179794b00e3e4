/**
 * The hidden <input type="file"> behind a 选择文件 button: hands over one file and clears
 * itself, so choosing the same file again (after fixing it) fires again.
 */
import type { Ref } from 'react';

export function HiddenFileInput({ ref, accept, onFile, testId }: { ref: Ref<HTMLInputElement>; accept: string; onFile: (f: File) => void; testId: string }) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      hidden
      data-testid={testId}
      onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) onFile(f);
      }}
    />
  );
}
