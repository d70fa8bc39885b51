/** `cmts/zip`: Current Branch export `.zip` files (each task sequence's object.xml in them) and the zip primitives. */
export { exportZipPartWarnings, isZip, readExportZip, writeExportZip, type ExportZip, type ExportZipPart } from '../containers/export-zip.js';
export { checkEntryName, readEntry, readZip, type ZipArchive, type ZipEntry, type ZipLimits } from '../zip/zip.js';
export { writeZip } from '../zip/zip-write.js';
