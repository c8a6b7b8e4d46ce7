/** Asks before an image file of the site is replaced: Replace or Cancel (Cancel is the default). */
import { Dialog } from '../ui/Dialog';
import type { ReplaceQuestion } from './useBookImages';

export function ReplaceImageDialog({ question }: { readonly question: ReplaceQuestion }) {
  const cover = question.what === 'cover';
  return (
    <Dialog
      title={cover ? 'Replace the cover?' : 'Replace the preview image?'}
      role="alertdialog"
      onClose={() => question.answer(false)}
      footer={
        <>
          <button type="button" className="btn" onClick={() => question.answer(false)} data-autofocus>Cancel</button>
          <button type="button" className="btn btn-primary" onClick={() => question.answer(true)}>Replace</button>
        </>
      }
    >
      <p>
        <code>{question.path}</code>{' '}
        {cover
          ? <>is already in the site. Replace it with a cover made from <strong>{question.from ?? 'the chosen image'}</strong>?</>
          : <>is already in the site and was not made by this editor for this book. Replace it with a new preview card?</>}
      </p>
      {question.isCover ? <p><strong>This file is the book’s cover:</strong> the card would replace it. Cancel, and set Preview image to its own file (or empty it) first.</p> : null}
      <p className="dialog-note">The file on disk is overwritten; undo does not bring it back (git does, once it is committed).</p>
    </Dialog>
  );
}
