# Sourced by nearby-fallback.sh and faults.sh: QN_JAR=<jar> uses a jar already built; otherwise the work tree
# is copied to $work/src (without target/, node_modules, .git) and packaged there, so that target/ of this
# checkout is untouched. MVN_OFFLINE=-o (default) builds from the local repository only.
echo "Source: $(git -C "$here" log -1 --format='%h %s' 2>/dev/null | cut -c1-100 || true)"
if [ -z "${QN_JAR:-}" ]; then
  mkdir -p "$work"
  rsync -a --delete --exclude target --exclude node_modules --exclude .git --exclude 'admin-web/dist' "$here/" "$work/src/"
  (cd "$work/src" && mvn -B -ntp ${MVN_OFFLINE--o} -q -pl miniprogram-api,admin-web,miniprogram,backend -DskipTests \
      -Dskip.npm=true -Dskip.npm.test=true -Dskip.e2e=true package)
  export QN_JAR="$work/src/backend/target/qingnuan.jar"
fi
