#!/usr/bin/python3
"""A scriptable notification server for tests, on the session bus, in one of two shapes:

  --mode freedesktop   owns org.freedesktop.Notifications (spec 1.2) and advertises what dunst
                       does not: "inline-reply" (with "actions", "body"; no "body-markup");
  --mode portal        owns org.freedesktop.portal.Desktop with org.freedesktop.portal.Notification
                       version 1 (AddNotification, RemoveNotification, ActionInvoked), what
                       libnotify >= 0.8 talks to inside a sandbox (or with NOTIFY_FORCE_PORTAL=1).

Prints "ready" once the name is owned, then one JSON line per call received:
  {"call": "Notify", "id": N, "app": ..., "replaces": N, "summary": ..., "body": ..., "actions": [...],
   "hints": {...}, "image": [w, h, rowstride, alpha, bits, channels, len(data)] or null}
  {"call": "CloseNotification", "id": N}
  {"call": "AddNotification", "id": "...", "notification": {...}}   (image bytes left out)
  {"call": "RemoveNotification", "id": "..."}
Commands on stdin, one a line (IDs as the calls above gave them):
  reply ID TEXT        NotificationReplied(ID, TEXT)             (freedesktop)
  action ID NAME       ActionInvoked(ID, NAME) / (ID, NAME, [])  (both)
  close ID REASON      NotificationClosed(ID, REASON)            (freedesktop)
Runs until SIGTERM or the end of stdin.
"""

import argparse
import json
import signal
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

FDO = 'org.freedesktop.Notifications'
PORTAL = 'org.freedesktop.portal.Notification'


def plain(value):
    """dbus-python values as JSON-friendly ones (byte arrays summarised by their length)."""
    if isinstance(value, (dbus.ByteArray, bytes)):
        return {'bytes': len(value)}
    if isinstance(value, dbus.Struct):
        return [plain(v) for v in value]
    if isinstance(value, (list, dbus.Array)):
        if len(value) > 64 and all(isinstance(v, dbus.Byte) for v in value[:4]):
            return {'bytes': len(value)}
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, dbus.Boolean):
        return bool(value)
    if isinstance(value, (int, dbus.Byte)):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def out(obj):
    print(json.dumps(obj), flush=True)


class Notifications(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, '/org/freedesktop/Notifications')
        self.next_id = 1

    @dbus.service.method(FDO, in_signature='', out_signature='as')
    def GetCapabilities(self):
        return ['actions', 'body', 'inline-reply', 'icon-static']

    @dbus.service.method(FDO, in_signature='', out_signature='ssss')
    def GetServerInformation(self):
        return ('fake-notification-server', 'Natter tests', '1.0', '1.2')

    @dbus.service.method(FDO, in_signature='susssasa{sv}i', out_signature='u')
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):
        nid = int(replaces) if replaces else self.next_id
        if not replaces:
            self.next_id += 1
        image = hints.get('image-data')
        out({'call': 'Notify', 'id': nid, 'app': str(app), 'replaces': int(replaces),
             'icon': str(icon), 'summary': str(summary), 'body': str(body),
             'actions': [str(a) for a in actions],
             'hints': {str(k): plain(v) for k, v in hints.items() if k != 'image-data'},
             'image': None if image is None else [int(v) for v in image[:6]] + [len(image[6])]})
        return dbus.UInt32(nid)

    @dbus.service.method(FDO, in_signature='u', out_signature='')
    def CloseNotification(self, nid):
        out({'call': 'CloseNotification', 'id': int(nid)})
        self.NotificationClosed(nid, 3)

    @dbus.service.signal(FDO, signature='uu')
    def NotificationClosed(self, nid, reason):
        pass

    @dbus.service.signal(FDO, signature='us')
    def ActionInvoked(self, nid, action):
        pass

    @dbus.service.signal(FDO, signature='us')
    def NotificationReplied(self, nid, text):
        pass

    def command(self, verb, args):
        if verb == 'reply':
            nid, _, text = args.partition(' ')
            self.NotificationReplied(dbus.UInt32(int(nid)), text)
        elif verb == 'action':
            nid, _, name = args.partition(' ')
            self.ActionInvoked(dbus.UInt32(int(nid)), name)
        elif verb == 'close':
            nid, _, reason = args.partition(' ')
            self.NotificationClosed(dbus.UInt32(int(nid)), dbus.UInt32(int(reason or 2)))
        else:
            out({'error': f'unknown command {verb}'})


class Portal(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, '/org/freedesktop/portal/desktop')

    # GDBusProxy loads the properties (libnotify reads "version") with GetAll.
    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature='ss', out_signature='v')
    def Get(self, interface, prop):
        return self.GetAll(interface)[prop]

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature='s', out_signature='a{sv}')
    def GetAll(self, interface):
        if interface == PORTAL:
            return {'version': dbus.UInt32(1)}
        return dbus.Dictionary({}, signature='sv')

    @dbus.service.method(PORTAL, in_signature='sa{sv}', out_signature='')
    def AddNotification(self, nid, notification):
        out({'call': 'AddNotification', 'id': str(nid),
             'notification': {str(k): plain(v) for k, v in notification.items()}})

    @dbus.service.method(PORTAL, in_signature='s', out_signature='')
    def RemoveNotification(self, nid):
        out({'call': 'RemoveNotification', 'id': str(nid)})

    @dbus.service.signal(PORTAL, signature='ssav')
    def ActionInvoked(self, nid, action, parameter):
        pass

    def command(self, verb, args):
        if verb == 'action':
            nid, _, name = args.partition(' ')
            self.ActionInvoked(nid, name, dbus.Array([], signature='v'))
        else:
            out({'error': f'unknown command {verb}'})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--mode', choices=('freedesktop', 'portal'), default='freedesktop')
    args = ap.parse_args()
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    name = FDO if args.mode == 'freedesktop' else 'org.freedesktop.portal.Desktop'
    try:
        owned = dbus.service.BusName(name, bus, do_not_queue=True)  # noqa: F841 (kept alive)
    except dbus.exceptions.NameExistsException:
        print(f'{name} is owned already', file=sys.stderr)
        return 2
    server = Notifications(bus) if args.mode == 'freedesktop' else Portal(bus)
    loop = GLib.MainLoop()

    def on_stdin(channel, condition):
        line = channel.readline()
        if not line:
            loop.quit()
            return False
        verb, _, rest = line.rstrip('\n').partition(' ')
        if verb:
            server.command(verb, rest)
        return True

    GLib.io_add_watch(GLib.IOChannel.unix_new(sys.stdin.fileno()), GLib.PRIORITY_DEFAULT,
                      GLib.IOCondition.IN | GLib.IOCondition.HUP, on_stdin)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, lambda: loop.quit() or False)
    print('ready', flush=True)
    loop.run()
    return 0


if __name__ == '__main__':
    sys.exit(main())
