#!/usr/bin/env bash
# The one list of Debian packages this project needs; each is installed only if missing.
#   chromium      the browser the HTML checks drive (Playwright uses it via executable_path)
#   poppler-utils pdftoppm, to look at rendered PDF pages
#   hyperfine     the timer of `make bench`'s build scenarios
#   fonts-ipaexfont-mincho  IPAex Mincho, the Japanese PDF's body face (WeasyPrint embeds it from
#                 the installed file; its Gothic headings use the IPAexGothic of the
#                 matplotlib-fontja wheel)
set -euo pipefail
PACKAGES=(chromium poppler-utils hyperfine fonts-ipaexfont-mincho)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${missing[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
