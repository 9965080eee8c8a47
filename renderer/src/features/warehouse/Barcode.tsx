// A Code 128 barcode as SVG (jsbarcode): crisp at any print resolution, no canvas, and the
// scanner reads back exactly the order number.
import JsBarcode from 'jsbarcode';
import { useEffect, useRef } from 'react';

export function Barcode({ value, height = 56, label }: { value: string; height?: number; label: string }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    try {
      JsBarcode(ref.current, value, { format: 'CODE128', height, width: 2, margin: 0, fontSize: 16, textMargin: 4, displayValue: true });
    } catch {
      // A value Code 128 can't encode: leave the number as text (below) rather than break printing.
    }
  }, [value, height]);
  return (
    <svg ref={ref} role="img" aria-label={label}>
      <text x="0" y="16">
        {value}
      </text>
    </svg>
  );
}
