// The options every bench figure runs fast-xml-parser with (the card's parser as a baseline): order kept, attributes
// read, nothing coerced, trimmed or expanded, so that it does the same work cmts does and its output can be compared.
export const FXP_OPTIONS = { preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: false, commentPropName: '#comment', cdataPropName: '#cdata', suppressBooleanAttributes: false, processEntities: false };
