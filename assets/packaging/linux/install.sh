#!/bin/sh
# Installs Both/And from this folder (bin/ and share/ beside this script),
# or removes what an earlier run installed.
#
#   ./install.sh                      for you alone, into ~/.local (no root)
#   sudo ./install.sh --prefix /usr/local     for everyone on this computer
#   ./install.sh --uninstall [--prefix DIR]   remove exactly what was installed
#
# DESTDIR=/some/root stages the files under that folder instead (for
# packagers and tests); the desktop entry still names PREFIX/bin/bothand.
# Every file installed is listed in PREFIX/lib/bothand/install-manifest, and
# --uninstall removes those files and the folders it made, nothing else. Your
# journal (~/.local/share/bothand/journal.db) is never touched.
set -eu

id=app.bothand.BothAnd
here=$(cd "$(dirname "$0")" && pwd)
prefix=""
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2;;
    --prefix=*) prefix=${1#--prefix=}; shift;;
    --uninstall) action=uninstall; shift;;
    -h|--help) sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 0;;
    *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2;;
  esac
done
if [ -z "$prefix" ]; then
  if [ "$(id -u)" = 0 ] && [ -z "${DESTDIR:-}" ]; then
    prefix=/usr/local
  else
    prefix=${HOME:?HOME is not set; give --prefix}/.local
  fi
fi
case "$prefix" in
  /*) ;;
  *) echo "install.sh: --prefix must be an absolute folder, not $prefix" >&2; exit 2;;
esac
prefix=${prefix%/}
destdir=${DESTDIR:-}
destdir=${destdir%/}
manifest=$prefix/lib/bothand/install-manifest

# refresh brings the desktop's caches of menu entries and icons up to date
# where such a cache is kept and the tool exists, for a real install (not a
# DESTDIR). Where there is no cache the desktop reads the folders as they
# are, and making one would leave a file behind that no uninstall may take.
refresh() {
  [ -z "$destdir" ] || return 0
  apps=$prefix/share/applications
  icons=$prefix/share/icons/hicolor
  if [ -f "$apps/mimeinfo.cache" ] && command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps" || true
  fi
  if [ -f "$icons/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$icons" || true
  fi
}

uninstall() {
  if [ ! -f "$destdir$manifest" ]; then
    echo "Both/And is not installed in $prefix (no $manifest)."
    return 1
  fi
  # Files first (the manifest among them), then the folders install made,
  # deepest first. Only paths inside the prefix are ever removed, whatever
  # the manifest says.
  list=$(cat "$destdir$manifest")
  printf '%s\n' "$list" | while IFS= read -r line; do
    path=${line#file }
    [ "$path" != "$line" ] || continue
    case "$path" in "$prefix"/*) rm -f "$destdir$path";; esac
  done
  printf '%s\n' "$list" | sed -n 's/^dir //p' | sort -r | while IFS= read -r path; do
    case "$path" in "$prefix"/*) rmdir "$destdir$path" 2>/dev/null || true;; esac
  done
  refresh
  echo "Removed Both/And from $prefix. Your journal and its backups are kept."
}

# install_file SRC DEST MODE copies one file and records it (and each folder
# it had to make) in the new manifest.
install_file() {
  dir=$(dirname "$2")
  missing=""
  d=$dir
  while [ "$d" != / ] && [ ! -d "$destdir$d" ]; do
    case "$d" in "$prefix"/*) missing="$d
$missing";; esac
    d=$(dirname "$d")
  done
  mkdir -p "$destdir$dir"
  printf '%s' "$missing" | while IFS= read -r d; do
    [ -n "$d" ] && echo "dir $d" >> "$new_manifest"
  done
  cp "$1" "$destdir$2.tmp.$$"
  chmod "$3" "$destdir$2.tmp.$$"
  mv -f "$destdir$2.tmp.$$" "$destdir$2"
  echo "file $2" >> "$new_manifest"
}

if [ "$action" = uninstall ]; then
  uninstall
  exit $?
fi

for f in bin/bothand bin/bothand-tray "share/applications/$id.desktop" "share/metainfo/$id.metainfo.xml"; do
  if [ ! -f "$here/$f" ]; then
    echo "install.sh: $here/$f is missing; run this script from the unpacked Both/And folder." >&2
    exit 1
  fi
done
if [ -f "$destdir$manifest" ]; then
  echo "Replacing the Both/And already installed in $prefix."
  uninstall >/dev/null
fi

new_manifest=$(mktemp)
trap 'rm -f "$new_manifest"' EXIT
install_file "$here/bin/bothand" "$prefix/bin/bothand" 755
install_file "$here/bin/bothand-tray" "$prefix/bin/bothand-tray" 755

# The menu entry starts the installed program by its full path, so it works
# even where ~/.local/bin is not on the PATH. The Exec key quotes a path
# with anything but plain characters, escaping what the Desktop Entry
# specification reserves inside quotes (" ` $ \), twice for backslashes.
exec_path=$prefix/bin/bothand
if printf '%s' "$exec_path" | grep -q '[^A-Za-z0-9_./+-]'; then
  exec_path=\"$(printf '%s' "$exec_path" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g')\"
fi
entry=$(mktemp)
while IFS= read -r line; do
  case "$line" in
    Exec=bothand*) printf 'Exec=%s%s\n' "$exec_path" "${line#Exec=bothand}";;
    *) printf '%s\n' "$line";;
  esac
done < "$here/share/applications/$id.desktop" > "$entry"
install_file "$entry" "$prefix/share/applications/$id.desktop" 644
rm -f "$entry"

install_file "$here/share/metainfo/$id.metainfo.xml" "$prefix/share/metainfo/$id.metainfo.xml" 644
for icon in "$here"/share/icons/hicolor/*/apps/*; do
  rel=${icon#"$here"/}
  install_file "$icon" "$prefix/$rel" 644
done

# The manifest lists itself (and its folders), so --uninstall leaves
# nothing behind.
echo "file $manifest" >> "$new_manifest"
install_file "$new_manifest" "$manifest" 644
refresh

echo "Installed Both/And in $prefix:"
echo "  $prefix/bin/bothand, a menu entry, icons and AppStream metadata"
echo "  (the list of files: $manifest)"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) [ -n "$destdir" ] || echo "  $prefix/bin is not on your PATH: start it from the menu, or as $prefix/bin/bothand";;
esac
# make install names its own uninstall command; from the tarball, it is this
# script's.
echo "To remove it: ${BOTHAND_UNINSTALL:-./install.sh --uninstall --prefix $prefix}"
