/**
 * The XML tree the byte-exact layer reads and writes: plain, typed, JSON-serialisable nodes discriminated on `kind`.
 * It knows nothing of task sequences; the model (`model/types.ts`) narrows elements to its own kinds and re-exports
 * these node types.
 */

/** Attributes in written order. Values are decoded and normalised as XML defines them, never coerced. */
export type Attributes = Record<string, string>;

/** Character data between elements, including whitespace used for indentation. */
export interface Text {
  kind: 'text';
  value: string;
}

/** `<!-- … -->`. */
export interface Comment {
  kind: 'comment';
  value: string;
}

/** `<![CDATA[ … ]]>`. */
export interface CData {
  kind: 'cdata';
  value: string;
}

/**
 * A processing instruction, including the XML declaration (`target` `xml`). `value` is everything after the target and
 * the one white-space character that separates them: `<?t x?>` has `x` and `<?t  x?>` ` x`, so any value without `?>`
 * is written as `<?t value?>` and reads back exactly as it was given.
 */
export interface Instruction {
  kind: 'instruction';
  target: string;
  value: string;
}

/**
 * Text, comment, CDATA or processing instruction: every node that is not an element. Its value is what XML says it
 * is: each literal line end (CR LF, or a CR alone) one LF, whatever the file's line ends; a CR is one written as a
 * reference (`&#xD;`), and one given is written as one (a comment or an instruction, which cannot hold a reference,
 * is refused with it).
 */
export type XmlLeaf = Text | Comment | CData | Instruction;

/** An element holding child nodes; `kind` is what the reader's classifier called it (`element` by default). */
export interface XmlParentElement {
  kind: string;
  tag: string;
  attributes: Attributes;
  children: XmlNode[];
}

/** An element read as one string of text (the classifier decides which: the model's `action` and `variable`). */
export interface XmlValueElement {
  kind: string;
  tag: string;
  attributes: Attributes;
  value: string;
}

/** Any element. Tell an element from a leaf by `'tag' in node`: an element's `kind` is open-ended. */
export type XmlElement = XmlParentElement | XmlValueElement;

/** Any node of an XML tree. */
export type XmlNode = XmlElement | XmlLeaf;

/** A whole XML document: declaration, comments and whitespace around the root element, and the root. */
export interface XmlDocumentOf<N> {
  kind: 'document';
  children: N[];
}

/** A document of plain XML nodes. */
export type XmlDocument = XmlDocumentOf<XmlNode>;
