/**
 * Proof of a handover: a photo or scan sent as base64, checked to really be a JPEG, PNG or
 * WebP by its content (not its name), size-limited, kept under the data folder as
 * wish-proofs/<sha256>.<ext> readable by the OS user only (0600), its digest recorded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ServiceContext, StaffActor } from '../context';
import type { ParsedInput } from '../../common/contract';
import { MAX_PROOF_BYTES, type WishProof } from '../../common/contracts/wishes';
import { AppError } from '../../common/errors';
import { refusalOf } from '../../common/wish-status';
import { newId } from '../clock';
import type { WishStore } from './wishes-store';

export const PROOF_DIR = 'wish-proofs';

type ImageMime = WishProof['mime'];

/**
 * The image kind by its bytes, with enough of the structure checked that a renamed text or
 * PDF file, or a file cut short, is not taken for an image: JPEG starts with SOI and a marker
 * and ends with EOI; PNG has its signature and an IHDR first chunk; WebP is a RIFF whose size
 * matches the file, typed WEBP, with a VP8/VP8L/VP8X chunk.
 */
export function imageKind(b: Buffer): ImageMime | null {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    // trailing padding after EOI is common (cameras): look for EOI near the end
    const tail = b.subarray(Math.max(0, b.length - 64));
    for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return 'image/jpeg';
    return null;
  }
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 33 && PNG.every((v, i) => b[i] === v)) return b.toString('latin1', 12, 16) === 'IHDR' ? 'image/png' : null;
  if (b.length >= 20 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') {
    const size = b.readUInt32LE(4) + 8;
    const chunk = b.toString('latin1', 12, 16);
    return size === b.length && (chunk === 'VP8 ' || chunk === 'VP8L' || chunk === 'VP8X') ? 'image/webp' : null;
  }
  return null;
}

const EXT: Record<ImageMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, { [field]: message });
}

interface ProofRow {
  id: string;
  wish_id: string;
  file_name: string;
  mime: ImageMime;
  bytes: number;
  sha256: string;
  path: string;
  uploaded_at: string;
  attached: number;
}

function proofOf(p: ProofRow): WishProof {
  return { id: p.id, wishId: p.wish_id, fileName: p.file_name, mime: p.mime, bytes: p.bytes, sha256: p.sha256, uploadedAt: p.uploaded_at, attached: p.attached === 1 };
}

/** Written beside the target with mode 0600 and renamed over it after fsync. */
function writePrivately(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

export function createWishProofs(ctx: ServiceContext, store: WishStore) {
  const { db, clock, write, dataDir } = ctx;
  const byId = db.prepare<[string], ProofRow>('SELECT * FROM wish_proofs WHERE id = ?');
  const bySha = db.prepare<[string, string], ProofRow>('SELECT * FROM wish_proofs WHERE wish_id = ? AND sha256 = ?');

  function decode(base64: string): Buffer {
    const clean = base64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
    if (!BASE64.test(clean) || clean.length % 4 === 1) throw fieldError('base64', '文件内容无法读取，请重新选择文件');
    const bytes = Buffer.from(clean, 'base64');
    if (bytes.length === 0) throw fieldError('base64', '文件是空的，请重新选择');
    if (bytes.length > MAX_PROOF_BYTES) throw fieldError('base64', `文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），不能超过 ${MAX_PROOF_BYTES / 1024 / 1024} MB`);
    return bytes;
  }

  async function upload(input: ParsedInput<'wishes.proofUpload'>, me: StaffActor) {
    const w = store.row(input.id);
    const refusal = refusalOf(w.status, 'fulfil');
    if (refusal) throw new AppError('CONFLICT', refusal);
    const bytes = decode(input.base64);
    const mime = imageKind(bytes);
    if (!mime) throw fieldError('base64', '该文件不是图片（只接受 JPG、PNG、WebP 格式的照片或扫描件）');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const rel = path.join(PROOF_DIR, `${sha}.${EXT[mime]}`);
    const file = path.join(dataDir, rel);
    // the same bytes are the same file: written once, before the row that names it commits,
    // and taken away again when that row does not commit (no file nothing names)
    const fresh = !fs.existsSync(file);
    if (fresh) writePrivately(file, bytes);
    const save = () =>
      write.once({ requestId: input.requestId, call: 'wishes.proofUpload', actorId: me.id }, (tx) => {
        const same = bySha.get(w.id, sha);
        if (same) return { id: same.id };
        const id = newId(clock);
        db.prepare('INSERT INTO wish_proofs (id, wish_id, file_name, mime, bytes, sha256, path, uploaded_at, uploaded_by, attached) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)').run(id, w.id, input.fileName, mime, bytes.length, sha, rel, clock.now().toISOString(), me.id);
        tx.change({ actorId: me.id, action: 'wish_proof.upload', entity: 'wish_proof', entityId: id, op: 'create', version: 1, snapshot: { id, wish_id: w.id, mime, bytes: bytes.length, sha256: sha }, detail: { wishNo: w.wish_no, mime, bytes: bytes.length, sha256: sha } });
        return { id };
      });
    let made: ReturnType<typeof save>;
    try {
      made = save();
    } catch (err) {
      if (fresh) fs.rmSync(file, { force: true });
      throw err;
    }
    return { proof: proofOf(byId.get(made.value.id)!) };
  }

  return {
    upload,
    get(proofId: string) {
      const p = byId.get(proofId);
      if (!p) throw new AppError('NOT_FOUND', '未找到该凭证文件');
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(path.join(dataDir, p.path));
      } catch {
        throw new AppError('NOT_FOUND', '凭证文件已不在数据目录中，请联系管理员');
      }
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (sha !== p.sha256) throw new AppError('CONFLICT', '凭证文件与登记时的校验码不符（文件可能被改动），请联系管理员');
      return { proof: proofOf(p), base64: bytes.toString('base64') };
    },
    /** A proof a fulfilment may attach: uploaded for this very wish. */
    requireFor(wishId: string, proofId: string, field: string): void {
      const p = byId.get(proofId);
      if (!p || p.wish_id !== wishId) throw fieldError(field, '该凭证文件不属于本心愿，请重新上传');
    },
    /** a proof's file on disk, for the 圆梦交接单 */
    fileOf(proofId: string): string | null {
      const p = byId.get(proofId);
      return p ? path.join(dataDir, p.path) : null;
    },
  };
}
