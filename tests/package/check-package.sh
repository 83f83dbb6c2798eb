#!/usr/bin/env bash
# The Debian package as a user gets it: built by CPack from an already built tree, checked by
# lintian, unpacked into a temporary root, its programs run from there (libraries from the
# system), and its desktop entry, AppStream metainfo, icons and man pages checked with the tools
# distributions use.
#
#   tests/package/check-package.sh BUILD_DIR
set -euo pipefail

build=$(cd "$1" && pwd)
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

step "cpack"
cpack --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log" >&2; fail "cpack"; }
debs=("$tmp"/out/natter_*.deb)
[[ ${#debs[@]} == 1 && -f ${debs[0]} ]] || fail "expected one natter_*.deb, got: ${debs[*]}"
deb=${debs[0]}
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"
server_debs=("$tmp"/out/natter-server_*.deb)
[[ ${#server_debs[@]} == 1 && -f ${server_debs[0]} ]] ||
    fail "expected one natter-server_*.deb, got: ${server_debs[*]}"
server_deb=${server_debs[0]}
echo "$(basename "$server_deb"): $(stat -c %s "$server_deb") bytes"

step "control"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# dpkg-shlibdeps ran: the Qt libraries the programs link come from the system packages.
for lib in libqt6widgets6 libqt6websockets6 libqt6network6 libc6; do
    [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib"
done
[[ $(dpkg-deb -f "$deb" Package) == natter ]] || fail "package name"
server_depends=$(dpkg-deb -f "$server_deb" Depends)
echo "natter-server Depends: $server_depends"
for lib in libqt6httpserver6 libqt6sql6 libqt6sql6-sqlite libqt6network6 libc6; do
    [[ $server_depends == *"$lib"* ]] || fail "natter-server Depends lacks $lib"
done
[[ $server_depends != *libqt6widgets6* ]] || fail "natter-server depends on Qt Widgets"
[[ $(dpkg-deb -f "$server_deb" Version) == $(dpkg-deb -f "$deb" Version) ]] ||
    fail "the two packages have different versions"

step "lintian"
lintian --fail-on error,warning --suppress-tags-from-file "$src/packaging/lintian-accepted" "$deb" \
    "$server_deb" || fail "lintian"

step "unpack"
root=$tmp/root
dpkg-deb -x "$deb" "$root"
for f in usr/bin/natter usr/bin/natter-cli usr/share/applications/natter.desktop \
    usr/share/metainfo/io.github.natter.Natter.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/natter.svg \
    usr/share/icons/hicolor/symbolic/apps/natter-symbolic.svg \
    usr/share/man/man1/natter.1.gz usr/share/man/man1/natter-cli.1.gz \
    usr/share/doc/natter/copyright usr/share/doc/natter/changelog.gz; do
    [[ -f $root/$f ]] || fail "missing /$f"
done
for size in 16 22 24 32 48 64 128 256 512; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/natter.png
    [[ -f $png ]] || fail "missing ${size}px icon"
    # PNG IHDR: width and height, big-endian, at bytes 16..23.
    read -r w h < <(od -An -tu1 -j16 -N8 "$png" |
        awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [[ $w == "$size" && $h == "$size" ]] || fail "${size}px icon is ${w}x${h}"
done

server_root=$tmp/server-root
dpkg-deb -x "$server_deb" "$server_root"
for f in usr/bin/natter-server usr/share/man/man1/natter-server.1.gz usr/lib/systemd/system/natter-server.service \
    usr/share/doc/natter-server/copyright usr/share/doc/natter-server/changelog.gz \
    usr/share/doc/natter-server/env.example usr/share/doc/natter-server/README.md; do
    [[ -f $server_root/$f ]] || fail "natter-server: missing /$f"
done
[[ ! -e $root/usr/bin/natter-server ]] || fail "natter ships natter-server"
[[ ! -e $server_root/usr/bin/natter ]] || fail "natter-server ships natter"

step "run the installed programs"
version=$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "$root/usr/bin/natter" --version)
echo "$version"
[[ $version == "natter $(dpkg-deb -f "$deb" Version | sed 's/+.*//')" ]] ||
    fail "natter --version says '$version'"
help=$("$root/usr/bin/natter-cli" --help)
[[ $help == *"natter-cli listen"* && $help == *"natter-cli trigger"* ]] ||
    fail "natter-cli --help says '$help'"
env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/natter" --help | grep -q -- --new-instance ||
    fail "natter --help lacks --new-instance"

server_help=$("$server_root/usr/bin/natter-server" --help)
[[ $server_help == *NATTER_PUSHER_SECRET* && $server_help == *--database* ]] ||
    fail "natter-server --help says '$server_help'"
[[ $("$server_root/usr/bin/natter-server" --version) == "natter-server $(dpkg-deb -f "$deb" Version | sed 's/+.*//')" ]] ||
    fail "natter-server --version"
# Without its secret it refuses to start, in one line, exit 2.
rc=0
out=$(env -i PATH=/usr/bin:/bin "$server_root/usr/bin/natter-server" --listen 127.0.0.1:0 2>&1) || rc=$?
[[ $rc == 2 && $(wc -l <<<"$out") == 1 ]] || fail "natter-server without a secret: rc $rc, '$out'"

step "systemd unit"
unit=$server_root/usr/lib/systemd/system/natter-server.service
# verify resolves ExecStart and the man page: point them at the unpacked package.
mkdir -p "$tmp/unit"
sed "s|^ExecStart=/usr/bin/natter-server|ExecStart=$server_root/usr/bin/natter-server|" "$unit" \
    >"$tmp/unit/natter-server.service"
SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$tmp/unit/natter-server.service" ||
    fail "systemd-analyze verify"
exposure=$(systemd-analyze security --offline=true --no-pager "$unit" 2>&1 |
    sed -n 's/.*Overall exposure level for natter-server.service: \([0-9.]*\).*/\1/p')
echo "systemd-analyze security: exposure $exposure"
[[ -n $exposure ]] || fail "systemd-analyze security gave no score"
awk -v e="$exposure" 'BEGIN { exit !(e <= 2.0) }' || fail "exposure $exposure is above 2.0"
for key in DynamicUser=yes StateDirectory=natter-server ProtectSystem=strict ProtectHome=yes \
    NoNewPrivileges=yes SystemCallFilter=@system-service EnvironmentFile=/etc/natter-server/env; do
    grep -qx "$key" "$unit" || fail "unit lacks $key"
done

step "desktop entry"
desktop-file-validate "$root/usr/share/applications/natter.desktop" || fail "desktop-file-validate"
grep -qx 'Exec=natter --new-instance' "$root/usr/share/applications/natter.desktop" ||
    fail "no New window action"

step "AppStream metainfo"
report=$(appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.natter.Natter.metainfo.xml" 2>&1) ||
    { echo "$report" >&2; fail "appstreamcli validate"; }
echo "$report"
if grep -Eq '^[EW]:' <<<"$report"; then fail "appstreamcli reports errors or warnings"; fi
# Every screenshot the metainfo names is committed (they are published from packaging/screenshots).
grep -o '<image[^>]*>[^<]*' "$root/usr/share/metainfo/io.github.natter.Natter.metainfo.xml" |
    sed 's/.*>//; s|.*/||' | while read -r shot; do
        [[ -f $src/packaging/screenshots/$shot ]] || fail "screenshot $shot is not in packaging/screenshots"
    done

step "man pages"
for page in natter natter-cli natter-server; do
    file=$root/usr/share/man/man1/$page.1.gz
    [[ $page != natter-server ]] || file=$server_root/usr/share/man/man1/$page.1.gz
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$file" 2>&1 >/dev/null)
    [[ -z $warnings ]] || fail "man --warnings $page: $warnings"
    lexgrog "$file" | grep -q "$page - " || fail "lexgrog $page"
done
echo "package ok"
