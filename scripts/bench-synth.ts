// Synthetic regulations of a given size for the scaling runs: the structure of a real law (judul,
// konsiderans, dasar hukum, diktum, BAB / Bagian / Paragraf / Pasal / ayat / huruf / angka, penutup and a
// penjelasan "Pasal demi Pasal"), with cross-references "sebagaimana dimaksud dalam Pasal N ayat (k)" that
// point at units that exist, plus a few to earlier huruf and within the same Pasal. Deterministic (seeded).

import { prng } from './bench-stats';

const WORDS = (
  'penyelenggaraan pemerintahan daerah dilaksanakan oleh kepala dinas berdasarkan ketentuan peraturan perundang-undangan ' +
  'yang berlaku perizinan berusaha pelaku usaha wajib memenuhi persyaratan dasar kegiatan usaha berbasis risiko ' +
  'pengawasan dilakukan secara berkala terhadap pelaksanaan tugas dan fungsi perangkat daerah dalam rangka ' +
  'peningkatan pelayanan publik masyarakat berhak memperoleh informasi mengenai rencana tata ruang wilayah ' +
  'menteri menetapkan norma standar prosedur dan kriteria sesuai dengan kewenangannya untuk mendukung ' +
  'pembangunan nasional pemerintah pusat memberikan pembinaan kepada pemerintah provinsi serta kabupaten kota ' +
  'setiap orang yang melanggar dikenai sanksi administratif berupa teguran tertulis denda administratif penghentian sementara'
).split(' ');

const ORDINALS = ['Kesatu', 'Kedua', 'Ketiga', 'Keempat', 'Kelima', 'Keenam', 'Ketujuh', 'Kedelapan', 'Kesembilan', 'Kesepuluh'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

/** A regulation of at least `targetBytes` UTF-8 bytes (ASCII only, so bytes = characters). */
export function syntheticRegulation(targetBytes: number, seed = 42): string {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const words = (lo: number, hi: number): string => Array.from({ length: int(lo, hi) }, () => pick(WORDS)).join(' ');
  const title = (): string => words(2, 5).toUpperCase();
  const sentence = (lo: number, hi: number): string => words(lo, hi).replace(/^./, (c) => c.toUpperCase());

  const out: string[] = [];
  let size = 0;
  const emit = (line: string): void => {
    out.push(line);
    size += line.length + 1;
  };

  emit('UNDANG-UNDANG REPUBLIK INDONESIA');
  emit('NOMOR 99 TAHUN 2099');
  emit('');
  emit('TENTANG');
  emit('PENYELENGGARAAN SINTETIS');
  emit('');
  emit('DENGAN RAHMAT TUHAN YANG MAHA ESA');
  emit('');
  emit('PRESIDEN REPUBLIK INDONESIA,');
  emit('');
  emit(`Menimbang : a. bahwa ${words(12, 30)};`);
  emit(`b. bahwa ${words(12, 30)};`);
  emit(`c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu membentuk Undang-Undang tentang Penyelenggaraan Sintetis;`);
  emit('');
  emit('Mengingat : 1. Pasal 5 ayat (1), Pasal 20, dan Pasal 33 Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;');
  emit('2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244);');
  emit('');
  emit('Dengan Persetujuan Bersama');
  emit('DEWAN PERWAKILAN RAKYAT REPUBLIK INDONESIA');
  emit('dan');
  emit('PRESIDEN REPUBLIK INDONESIA');
  emit('');
  emit('MEMUTUSKAN:');
  emit('');
  emit('Menetapkan : UNDANG-UNDANG TENTANG PENYELENGGARAAN SINTETIS.');
  emit('');

  /** ayatCount[n] = number of ayat of Pasal n (0: none), hurufCount[n] = huruf of its first subdivision. */
  const ayatCount: number[] = [0];
  const hurufCount: number[] = [0];
  let pasal = 0;
  let bab = 0;
  const penjelasanReserve = 0.12; // share of the size kept for the penjelasan

  const reference = (current: number): string => {
    if (current <= 2 || random() < 0.3) return '';
    if (random() < 0.005) return ` sebagaimana dimaksud dalam Pasal ${current + 100_000} ayat (1)`; // a rare dangling reference
    const target = int(Math.max(1, current - 40), current - 1);
    const r = random();
    if (ayatCount[target] > 0) {
      return ` sebagaimana dimaksud dalam Pasal ${target} ayat (${int(1, ayatCount[target])})`;
    }
    if (hurufCount[target] > 0 && r < 0.5) {
      return ` sebagaimana dimaksud dalam Pasal ${target} huruf ${LETTERS[int(0, hurufCount[target] - 1)]}`;
    }
    return ` sebagaimana dimaksud dalam Pasal ${target}`;
  };

  const emitList = (count: number, numbered: boolean): void => {
    for (let i = 0; i < count; i++) {
      const label = numbered ? `${i + 1}.` : `${LETTERS[i]}.`;
      const end = i === count - 1 ? '.' : i === count - 2 ? '; dan' : ';';
      emit(`${label} ${words(4, 14)}${end}`);
    }
  };

  const emitPasal = (): void => {
    pasal++;
    emit(`Pasal ${pasal}`);
    emit('');
    const shape = random();
    if (pasal === 1) {
      emit('Dalam Undang-Undang ini yang dimaksud dengan:');
      emitList(12, true);
      ayatCount.push(0);
      hurufCount.push(0);
    } else if (shape < 0.2) {
      emit(`${sentence(10, 30)}${reference(pasal)}.`);
      ayatCount.push(0);
      hurufCount.push(0);
    } else if (shape < 0.35) {
      emit(`${sentence(6, 16)}${reference(pasal)} meliputi:`);
      const count = int(2, 6);
      emitList(count, false);
      ayatCount.push(0);
      hurufCount.push(count);
    } else {
      const count = int(2, 6);
      let firstHuruf = 0;
      for (let k = 1; k <= count; k++) {
        const local = k > 1 && random() < 0.5 ? ` sebagaimana dimaksud pada ayat (${int(1, k - 1)})` : reference(pasal);
        if (random() < 0.25) {
          emit(`(${k}) ${sentence(6, 16)}${local} terdiri atas:`);
          const items = int(2, 5);
          emitList(items, false);
          if (k === 1) firstHuruf = items;
        } else {
          emit(`(${k}) ${sentence(10, 35)}${local}.`);
        }
      }
      ayatCount.push(count);
      hurufCount.push(firstHuruf);
    }
    emit('');
  };

  const body = targetBytes * (1 - penjelasanReserve);
  while (size < body || bab < 2) {
    bab++;
    emit(`BAB ${roman(bab)}`);
    emit(bab === 1 ? 'KETENTUAN UMUM' : title());
    emit('');
    if (bab === 1) {
      emitPasal();
      emitPasal();
      continue;
    }
    const bagianCount = random() < 0.3 ? 0 : int(2, 5);
    if (bagianCount === 0) {
      for (let i = int(2, 8); i > 0; i--) emitPasal();
      continue;
    }
    for (let b = 0; b < bagianCount; b++) {
      emit(`Bagian ${ORDINALS[b]}`);
      emit(sentence(1, 4));
      emit('');
      const paragrafCount = random() < 0.7 ? 0 : int(2, 3);
      if (paragrafCount === 0) {
        for (let i = int(2, 8); i > 0; i--) emitPasal();
      } else {
        for (let p = 1; p <= paragrafCount; p++) {
          emit(`Paragraf ${p}`);
          emit(sentence(1, 4));
          emit('');
          for (let i = int(1, 5); i > 0; i--) emitPasal();
        }
      }
    }
  }
  bab++;
  emit(`BAB ${roman(bab)}`);
  emit('KETENTUAN PENUTUP');
  emit('');
  pasal++;
  emit(`Pasal ${pasal}`);
  emit('');
  emit('Undang-Undang ini mulai berlaku pada tanggal diundangkan.');
  ayatCount.push(0);
  hurufCount.push(0);
  emit('');
  emit('Agar setiap orang mengetahuinya, memerintahkan pengundangan Undang-Undang ini dengan penempatannya dalam Lembaran Negara Republik Indonesia.');
  emit('');
  emit('Disahkan di Jakarta');
  emit('pada tanggal 1 Januari 2099');
  emit('PRESIDEN REPUBLIK INDONESIA,');
  emit('');
  emit('ttd.');
  emit('');
  emit('LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2099 NOMOR 1');
  emit('');
  emit('PENJELASAN');
  emit('ATAS');
  emit('UNDANG-UNDANG REPUBLIK INDONESIA');
  emit('NOMOR 99 TAHUN 2099');
  emit('TENTANG');
  emit('PENYELENGGARAAN SINTETIS');
  emit('');
  emit('I. UMUM');
  emit(words(40, 80) + '.');
  emit('');
  emit('II. PASAL DEMI PASAL');
  emit('');
  for (let n = 1; n <= pasal && size < targetBytes; n++) {
    emit(`Pasal ${n}`);
    if (ayatCount[n] > 0 && random() < 0.5) {
      for (let k = 1; k <= ayatCount[n]; k++) {
        emit(`Ayat (${k})`);
        emit(random() < 0.7 ? 'Cukup jelas.' : `Yang dimaksud dengan ${words(6, 20)}.`);
      }
    } else {
      emit(random() < 0.7 ? 'Cukup jelas.' : `Yang dimaksud dengan ${words(6, 20)}.`);
    }
    emit('');
  }
  while (size < targetBytes) emit(words(20, 40) + '.');
  emit('');
  emit('TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 9999');
  return out.join('\n');
}
