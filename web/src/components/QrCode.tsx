// A QR code of a text (an address), drawn in the browser.
import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

export function QrCode({ text, label, size = 160, testid }: { text: string; label: string; size?: number; testid?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { margin: 1, width: size, errorCorrectionLevel: 'M' }).then((url) => {
      if (live) setSrc(url);
    });
    return () => {
      live = false;
    };
  }, [text, size]);
  return src ? (
    <img class="qr" src={src} width={size} height={size} alt={label} data-testid={testid} data-text={text} />
  ) : (
    <span class="qr qr--pending" style={{ width: `${size}px`, height: `${size}px` }} />
  );
}
