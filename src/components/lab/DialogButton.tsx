import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * A button in the panel's title row that opens a modal dialog; when the dialog closes (Escape, or
 * its Close button), focus goes back to the button.
 */
export function DialogButton({
  label,
  className,
  dialog,
}: {
  label: string;
  className: string;
  dialog: (onClose: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className={className}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open &&
        dialog(() => {
          setOpen(false);
          button.current?.focus();
        })}
    </>
  );
}

/** A modal `<dialog>`, open while it is mounted, headed by its title and a Close button. */
export function ModalDialog({
  heading,
  closeLabel,
  className,
  onClose,
  children,
}: {
  heading: string;
  closeLabel: string;
  className: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    // Opened once, as it mounts; it unmounts when it closes.
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  return (
    <dialog ref={dialog} className={className} aria-labelledby={`${id}-heading`} onClose={onClose}>
      <div className="embed-dialog-top">
        <h2 id={`${id}-heading`}>{heading}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {closeLabel}
        </button>
      </div>
      {children}
    </dialog>
  );
}
