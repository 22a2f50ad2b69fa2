#!/usr/bin/env bash
# Backup-and-restore drill (docs/deploy.zh-CN.md §8): builds the schema from sql/migration in a scratch database,
# writes one help request with its whole history (and the family, org and idempotency record it needs), dumps it
# with the same mysqldump options as backup.sh, restores the dump into a second scratch database, and compares
# every table (CHECKSUM TABLE) and the request with its history row by row. Drops both databases at the end.
# With SOURCE_DB=<name> it dumps that database instead of building one (e.g. a copy of production).
# Needs the mysql client and a server reachable with MYSQL_ARGS (default: -h127.0.0.1 -P3306 -uroot).
set -euo pipefail
cd "$(dirname "$0")/../.."
ARGS=(${MYSQL_ARGS:--h127.0.0.1 -P3306 -uroot})
STAMP=$(date +%s)
SRC=${SOURCE_DB:-qn_backup_src_$STAMP}
DST=qn_backup_dst_$STAMP
DUMP=$(mktemp /tmp/qn-backup.XXXX.sql)
sql() { mysql "${ARGS[@]}" --default-character-set=utf8mb4 -N -B "$@"; }
cleanup() {
  [ -z "${SOURCE_DB:-}" ] && sql -e "DROP DATABASE IF EXISTS $SRC"
  sql -e "DROP DATABASE IF EXISTS $DST"
  rm -f "$DUMP"
}
trap cleanup EXIT

if [ -z "${SOURCE_DB:-}" ]; then
  sql -e "CREATE DATABASE $SRC CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  for f in $(ls sql/migration/V*__*.sql | sort -V); do sql "$SRC" <"$f"; done
  echo "schema: $(ls sql/migration/V*__*.sql | wc -l) migrations applied to $SRC"
  sql "$SRC" <<'SQL'
INSERT INTO org_unit (id, parent_id, name, type, region, path, depth, version, created_at, updated_at)
  VALUES (1, NULL, '共青团广东省委员会', 'PROVINCE_LEAGUE', '广东省', '/1/', 0, 0, NOW(3), NOW(3));
INSERT INTO help_ticket (id, org_id, family_id, channel, submitter_type, category, urgency, status, crisis, content_check,
    description_sealed, address_sealed, district, contact_method, contact_phone_sealed, rating, rating_comment,
    accepted_at, done_at, confirmed_at, version, created_at, updated_at, status_since)
  VALUES (7, 1, 3, 'MINI_PROGRAM', 'FAMILY', 'SUPPLIES', 'URGENT', 'CONFIRMED', 0, 'PASS',
    'k1:c2VhbGVkIGRlc2NyaXB0aW9uIOmdkuaalg==', 'k1:YWRkcmVzcw==', '天河区', 'PHONE_CALL', 'k1:cGhvbmU=', 5, '谢谢志愿者 👍',
    '2026-12-06 09:01:02.345', '2026-12-06 15:30:00.001', '2026-12-06 18:00:59.999', 6,
    '2026-12-06 09:00:00.123', '2026-12-06 18:00:59.999', '2026-12-06 18:00:59.999');
INSERT INTO help_ticket_event (ticket_id, org_id, action, from_status, to_status, actor_type, actor_id, actor_name, note, created_at) VALUES
  (7, 1, 'SUBMIT',   NULL,          'SUBMITTED',   'FAMILY',    11, '家属',     NULL,                 '2026-12-06 09:00:00.123'),
  (7, 1, 'ACCEPT',   'SUBMITTED',   'ACCEPTED',    'STAFF',     2,  '张派单',   '已核实，尽快安排',   '2026-12-06 09:01:02.345'),
  (7, 1, 'OPEN',     'ACCEPTED',    'OPEN',        'STAFF',     2,  '张派单',   NULL,                 '2026-12-06 09:05:00.000'),
  (7, 1, 'CLAIM',    'OPEN',        'CLAIMED',     'VOLUNTEER', 31, '李志愿',   NULL,                 '2026-12-06 10:00:00.500'),
  (7, 1, 'START',    'CLAIMED',     'IN_PROGRESS', 'VOLUNTEER', 31, '李志愿',   NULL,                 '2026-12-06 14:00:00.000'),
  (7, 1, 'COMPLETE', 'IN_PROGRESS', 'DONE',        'VOLUNTEER', 31, '李志愿',   '米、油已送到门口',   '2026-12-06 15:30:00.001'),
  (7, 1, 'CONFIRM',  'DONE',        'CONFIRMED',   'FAMILY',    11, '家属',     NULL,                 '2026-12-06 18:00:59.999');
INSERT INTO idempotency_record (scope, idem_key, request_hash, resource_id, created_at)
  VALUES ('TICKET:11', '6f1c2d7e-0000-4000-8000-000000000007', REPEAT('a', 64), 7, '2026-12-06 09:00:00.123');
SQL
fi

# the dump, as backup.sh makes it
mysqldump "${ARGS[@]}" --single-transaction --quick --routines --triggers --hex-blob --default-character-set=utf8mb4 \
  "$SRC" >"$DUMP"
echo "dump: $(wc -c <"$DUMP") bytes"
sql -e "CREATE DATABASE $DST CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
sql "$DST" <"$DUMP"

fail=0
tables_src=$(sql -e "SELECT table_name FROM information_schema.tables WHERE table_schema = '$SRC' ORDER BY 1")
tables_dst=$(sql -e "SELECT table_name FROM information_schema.tables WHERE table_schema = '$DST' ORDER BY 1")
[ "$tables_src" = "$tables_dst" ] || { echo "DIFFERENT TABLES"; fail=1; }
n=0
for t in $tables_src; do
  a=$(sql -e "CHECKSUM TABLE $SRC.$t" | cut -f2); b=$(sql -e "CHECKSUM TABLE $DST.$t" | cut -f2)
  ra=$(sql -e "SELECT COUNT(*) FROM $SRC.$t"); rb=$(sql -e "SELECT COUNT(*) FROM $DST.$t")
  if [ "$a" != "$b" ] || [ "$ra" != "$rb" ]; then echo "DIFFERENT: $t ($ra/$rb rows)"; fail=1; fi
  n=$((n + 1))
done
echo "tables: $n compared (CHECKSUM TABLE and row count)"
cols_src=$(sql -e "SELECT table_name, column_name, column_type, is_nullable, column_default, character_set_name, collation_name
  FROM information_schema.columns WHERE table_schema = '$SRC' ORDER BY 1, 2")
cols_dst=$(sql -e "SELECT table_name, column_name, column_type, is_nullable, column_default, character_set_name, collation_name
  FROM information_schema.columns WHERE table_schema = '$DST' ORDER BY 1, 2")
[ "$cols_src" = "$cols_dst" ] && echo "columns: $(echo "$cols_src" | wc -l) identical (type, null, default, charset)" \
  || { echo "DIFFERENT COLUMNS"; fail=1; }
ticket_sql="SELECT t.id, t.status, t.description_sealed, t.rating_comment, t.accepted_at, t.confirmed_at, t.version,
  e.action, e.from_status, e.to_status, e.actor_name, e.note, e.created_at
  FROM help_ticket t JOIN help_ticket_event e ON e.ticket_id = t.id WHERE t.id = (SELECT MIN(id) FROM help_ticket) ORDER BY e.id"
a=$(sql "$SRC" -e "$ticket_sql"); b=$(sql "$DST" -e "$ticket_sql")
if [ -n "$a" ] && [ "$a" = "$b" ]; then
  echo "request $(echo "$a" | head -1 | cut -f1) and its history: $(echo "$a" | wc -l) steps identical after restore:"
  echo "$b" | cut -f8-13 | sed 's/^/  /'
else
  echo "REQUEST OR HISTORY DIFFERS (or no request)"; fail=1
fi
[ "$fail" = 0 ] && echo "RESTORE CHECK PASSED" || { echo "RESTORE CHECK FAILED"; exit 1; }
