# Shared by run-app.sh and run-tests.sh: system packages (Debian/Ubuntu) and the project's virtualenv.
# Source it, then call: need_system_packages PKG…; make_venv EXTRAS

APP_PACKAGES="libgl1 libegl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 fonts-wqy-microhei \
libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 \
libxcb-xkb1 libxkbcommon-x11-0"
TEST_PACKAGES="$APP_PACKAGES fonts-noto-cjk poppler-utils poppler-data postgresql xvfb xauth"

missing_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local pkg out=""
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || out="$out $pkg"
    done
    echo "$out"
}

need_system_packages() {
    local missing
    missing=$(missing_packages "$@")
    [ -z "${missing// /}" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "==> 安装系统软件包 / installing system packages:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >/dev/null
        # shellcheck disable=SC2086
        apt-get install -y -q --no-install-recommends $missing >/dev/null
    else
        echo "==> 缺少系统软件包，请以管理员身份运行 / missing system packages, please run:"
        echo "    sudo apt-get install -y --no-install-recommends$missing"
    fi
}

PYTHON=${PYTHON:-python3}

make_venv() {
    local extras="$1" stamp
    if [ ! -x .venv/bin/python ]; then
        echo "==> 创建虚拟环境 / creating .venv"
        if ! "$PYTHON" -m venv .venv 2>/dev/null; then
            [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get install -y -q python3-venv >/dev/null
            "$PYTHON" -m venv .venv
        fi
    fi
    # Reinstall only when pyproject.toml changed since this set of extras was installed.
    stamp="$(sha256sum pyproject.toml | cut -c1-16)"
    if [ "$(cat ".venv/.stamp-${extras//,/-}" 2>/dev/null)" != "$stamp" ]; then
        echo "==> 安装 Python 依赖 / installing Python packages"
        .venv/bin/python -m pip install -q --upgrade pip >/dev/null
        .venv/bin/python -m pip install -q -e ".[$extras]"
        echo "$stamp" > ".venv/.stamp-${extras//,/-}"
    fi
}
