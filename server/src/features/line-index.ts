// Offsets ↔ (line, character) in UTF-16 code units, as LSP and SARIF count them. Pure, no LSP types.

import { lineAtOffset, scanLineStarts } from '../syntax';

export interface LineCharacter {
  readonly line: number;
  readonly character: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = scanLineStarts(text, 0, text.length, [0]);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): LineCharacter {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lineAtOffset(this.starts, clamped);
    return { line, character: clamped - this.starts[line] };
  }

  offset(position: LineCharacter): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    let lineEnd = next;
    while (lineEnd > start && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }
}
