#!/usr/bin/env bash
# Daily logical backup of the Qingnuan database (docs/deploy.zh-CN.md §8). Cron: 30 2 * * * /opt/qingnuan/backup.sh
# Credentials from ~/.my.cnf ([client] user/password/host) of the user running it. Keeps KEEP_DAYS days.
set -euo pipefail
DB=${QN_BACKUP_DB:-qingnuan}
DIR=${QN_BACKUP_DIR:-/backup}
KEEP_DAYS=${QN_BACKUP_KEEP_DAYS:-30}
mkdir -p "$DIR"
OUT="$DIR/$DB-$(date +%F-%H%M).sql.gz"
# --single-transaction: a consistent snapshot without locking InnoDB tables; --hex-blob: binary columns exact
mysqldump --single-transaction --quick --routines --triggers --hex-blob --default-character-set=utf8mb4 "$DB" \
  | gzip >"$OUT.part"
mv "$OUT.part" "$OUT"
find "$DIR" -name "$DB-*.sql.gz" -mtime +"$KEEP_DAYS" -delete
echo "backup: $OUT ($(du -h "$OUT" | cut -f1))"
