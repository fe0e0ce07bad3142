/** Uploads a file with a presigned S3 POST (fields first, then the file), reporting progress. */
export function postWithProgress(url: string, fields: Record<string, string>, file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? (onProgress(1), resolve()) : reject(new Error(`The upload was refused (HTTP ${xhr.status}).`)));
    xhr.onerror = () => reject(new Error('The upload failed: the storage server could not be reached.'));
    xhr.send(form);
  });
}
