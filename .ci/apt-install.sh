# Sourced by the .ci scripts. apt_install PACKAGE...: installs the packages with apt (sudo unless root), quietly;
# nothing to do without arguments; returns non-zero when apt fails.
apt_install() {
  (($#)) || return 0
  echo "installing with apt: $*"
  local sudo=""
  [[ $(id -u) == 0 ]] || sudo=sudo
  $sudo apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
