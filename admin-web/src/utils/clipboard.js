/**
 * Copies text to the clipboard. The Clipboard API needs a secure context (HTTPS or localhost); the
 * admin web may be served over plain HTTP inside a league's network, so a hidden textarea and
 * execCommand('copy') stand in there. Resolves true when the text was copied.
 */
export async function copyText(text) {
  const value = String(text ?? '')
  if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText && globalThis.isSecureContext !== false) {
    try {
      await navigator.clipboard.writeText(value)
      return true
    } catch {
      // permission refused: try the old way
    }
  }
  if (typeof document === 'undefined' || typeof document.execCommand !== 'function') return false
  const area = document.createElement('textarea')
  area.value = value
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.top = '-1000px'
  document.body.appendChild(area)
  area.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
  }
}
