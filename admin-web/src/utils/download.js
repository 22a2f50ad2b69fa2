// Saving files the API sends (Excel templates, exports, statistics).

/**
 * The file name of a Content-Disposition header: the RFC 5987 `filename*=UTF-8''…` form first
 * (the backend sends Chinese names that way), else a plain `filename="…"`; null when there is none.
 */
export function filenameFromDisposition(header) {
  if (!header || typeof header !== 'string') return null
  const extended = header.match(/filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i)
  if (extended) {
    try {
      return decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''))
    } catch {
      // malformed escape: try the plain form
    }
  }
  const plain = header.match(/filename\s*=\s*("([^"]*)"|[^;]+)/i)
  if (plain) return (plain[2] ?? plain[1]).trim() || null
  return null
}

/** Saves a blob as a file through a temporary object URL and a download link. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename || 'download'
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // give the browser a moment to start the download before the URL goes
  setTimeout(() => URL.revokeObjectURL(url), 10000)
}
