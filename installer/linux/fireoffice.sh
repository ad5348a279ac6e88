#!/bin/sh
# /usr/bin/fireoffice (installed by the fireoffice .deb): run the bundled app in /opt/fireoffice.
# With no command it opens the window; `fireoffice --help` lists the commands.
#
# Chinese input: the bundled Qt carries the IBus input-method plugin but not fcitx's (a fcitx plugin built
# for the system's Qt cannot load into another Qt). fcitx 5, the input method of UOS and Kylin, also serves
# IBus clients, so ask Qt for ibus when the session asks for fcitx or names nothing.
case "${QT_IM_MODULE:-}" in
    "" | fcitx*) QT_IM_MODULE=ibus; export QT_IM_MODULE ;;
esac
exec /opt/fireoffice/fireoffice "$@"
