// What the browser says this extension's storage uses and may use, when it tells.
export async function storageEstimate(): Promise<{ usageBytes: number | null; quotaBytes: number | null }> {
  try {
    const est = await navigator.storage.estimate();
    return { usageBytes: est.usage ?? null, quotaBytes: est.quota ?? null };
  } catch {
    // Not every context exposes StorageManager.
    return { usageBytes: null, quotaBytes: null };
  }
}
