// The seals of the log the hub pushes to every connection. They hold no incident content (a position, a hash,
// a time, a key id, a signature), so they are kept on this computer across sign-outs, the latest few hundred:
// with the hub's public key they prove an export of the log unaltered up to their positions, even one rewritten
// later with its hashes recomputed (the verifier's --seals file is this list as JSON).

const STORAGE_KEY = 'coordination.seals';
const KEPT = 500;

export const keptSeals = () => {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
  } catch {
    return [];
  }
};

/** Keeps a pushed seal once (a reconnect may bring it again), dropping the oldest beyond KEPT. */
export function keepSeal(seal) {
  const seals = keptSeals();
  if (seals.some((kept) => kept.position === seal.position && kept.signature === seal.signature)) return;
  seals.push(seal);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(seals.slice(-KEPT)));
  } catch (error) {
    console.warn('seal not kept', error); // a full storage must not stop the live feed
  }
}
