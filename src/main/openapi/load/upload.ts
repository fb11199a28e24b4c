// A document uploaded from a browser (the web host has no access to the analyst's paths): one file, a
// folder's files with their relative paths, or a zip. They are written to a private temporary folder and
// imported from there as a file, so the file limits and the reference policy are those of a file import:
// references may reach any uploaded file, nothing outside the upload.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../errors';
import { readZipDirectory, readZipEntry } from '../../specification/workbook/zip-directory';
import { formatBytes, type ImportLimits } from './limits';

export interface UploadedFile {
  /** Relative path inside the upload ("specs/crm.yaml"), or the file's name. */
  path: string;
  /** The file's bytes, base64. */
  content: string;
}

export interface Upload {
  /** Which file is the document (a path among `files`, or inside the zip); '' to let Crosswalk find it. */
  root: string;
  files: UploadedFile[];
}

export interface UnpackedUpload {
  /** The temporary folder, and the document file in it. */
  folder: string;
  file: string;
  /** The root's path inside the upload, for the system's recorded source. */
  name: string;
  /** How many files the upload held. */
  count: number;
  remove(): void;
}

const DOCUMENT = /\.(ya?ml|json)$/i;
const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;

/** "a/b.yaml" kept; "../x", "/etc/x", "C:\\x", "a/../../x" refused: every file stays inside the upload. */
function safeRelative(name: string): string {
  const normal = path.posix.normalize(name.replace(/\\/g, '/'));
  if (normal === '' || normal === '.' || normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal) || /^[a-z]:/i.test(normal) || normal.includes('\0')) {
    throw new UserError('UPLOAD_PATH', `The uploaded file "${name}" has a path outside the upload: upload the folder (or a zip) that holds the document and the files it refers to.`);
  }
  return normal;
}

interface Entries {
  entries: Array<{ name: string; bytes: () => Buffer; size: number }>;
  /** Removes the zip's temporary copy, if any. */
  dispose(): void;
}

function entriesOf(upload: Upload): Entries {
  if (upload.files.length === 0) throw new UserError('UPLOAD_EMPTY', 'Nothing was uploaded: choose the document file, its folder or a zip.');
  const decoded = upload.files.map((file) => ({ name: file.path, data: Buffer.from(file.content, 'base64') }));
  if (decoded.length === 1 && (isZip(decoded[0]!.data) || /\.zip$/i.test(decoded[0]!.name))) {
    const zipFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-zip-')), 'upload.zip');
    fs.writeFileSync(zipFile, decoded[0]!.data);
    const directory = readZipDirectory(zipFile);
    const dispose = () => fs.rmSync(path.dirname(zipFile), { recursive: true, force: true });
    if (!directory) {
      dispose();
      throw new UserError('UPLOAD_ZIP', `${decoded[0]!.name} is not a readable zip file: zip the folder again, or upload the folder itself.`);
    }
    const files = directory.filter((entry) => !entry.name.endsWith('/') && !entry.name.startsWith('__MACOSX/'));
    return { entries: files.map((entry) => ({ name: entry.name, size: entry.size, bytes: () => readZipEntry(zipFile, entry) })), dispose };
  }
  return { entries: decoded.map((file) => ({ name: file.name, size: file.data.length, bytes: () => file.data })), dispose: () => undefined };
}

/** The document among the files: the one named, else the only JSON or YAML file at the shallowest level. */
function rootOf(upload: Upload, names: string[]): string {
  if (upload.root) {
    const wanted = safeRelative(upload.root);
    const found = names.find((name) => name === wanted) ?? names.find((name) => name.endsWith(`/${wanted}`));
    if (!found) throw new UserError('UPLOAD_ROOT', `The upload has no file ${upload.root}: choose the document among ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}.`);
    return found;
  }
  const documents = names.filter((name) => DOCUMENT.test(name));
  if (documents.length === 0) throw new UserError('UPLOAD_ROOT', 'The upload holds no JSON or YAML file: an API document is a .json, .yaml or .yml file.');
  const depth = (name: string) => name.split('/').length;
  const shallowest = Math.min(...documents.map(depth));
  const top = documents.filter((name) => depth(name) === shallowest);
  const named = top.filter((name) => /(^|\/)(openapi|swagger|api)\.(ya?ml|json)$/i.test(name));
  if (top.length === 1) return top[0]!;
  if (named.length === 1) return named[0]!;
  throw new UserError('UPLOAD_ROOT', `The upload holds several documents (${top.slice(0, 5).join(', ')}): say which one is the API document.`);
}

/** Writes the upload to a temporary folder, within the import's limits on file count and size. */
export function unpackUpload(upload: Upload, limits: ImportLimits): UnpackedUpload {
  const { entries, dispose } = entriesOf(upload);
  try {
    return unpackEntries(upload, entries, limits);
  } finally {
    dispose();
  }
}

function unpackEntries(upload: Upload, entries: Entries['entries'], limits: ImportLimits): UnpackedUpload {
  if (entries.length > limits.maxFiles) throw new UserError('UPLOAD_TOO_MANY', `The upload holds ${entries.length} files; a document may consist of at most ${limits.maxFiles}.`);
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > limits.maxDocumentBytes) throw new UserError('UPLOAD_TOO_LARGE', `The upload is ${formatBytes(total)} unpacked; a document and its files may be at most ${formatBytes(limits.maxDocumentBytes)}.`);
  const names = entries.map((entry) => safeRelative(entry.name));
  if (new Set(names).size !== names.length) throw new UserError('UPLOAD_PATH', 'The upload names one file twice: upload the folder or zip again.');
  const name = rootOf(upload, names);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crosswalk-upload-'));
  const remove = () => fs.rmSync(folder, { recursive: true, force: true });
  try {
    entries.forEach((entry, index) => {
      const target = path.join(folder, names[index]!);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const bytes = entry.bytes();
      if (bytes.length !== entry.size) throw new UserError('UPLOAD_ZIP', `${entry.name} in the zip is damaged (its size does not match its directory entry): zip the folder again.`);
      fs.writeFileSync(target, bytes, { flag: 'wx' });
    });
  } catch (error) {
    remove();
    throw error;
  }
  return { folder, file: path.join(folder, name), name, count: entries.length, remove };
}
