#!/usr/bin/python3
"""A minimal StatusNotifierWatcher with a host, for tests: with it on the session bus, Qt's
QSystemTrayIcon (QDBusTrayIcon) sees a tray and exports its icon as a StatusNotifierItem, whose
properties (ToolTip, Title, ...) a test can then read over D-Bus as a real tray host would.

    /usr/bin/python3 tests/desktop/sni_watcher.py      prints "ready" once the name is owned,
                                                       then one "item SERVICE PATH" line per
                                                       registration; runs until SIGTERM.
"""

import signal
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

IFACE = 'org.kde.StatusNotifierWatcher'


class Watcher(dbus.service.Object):
    def __init__(self, bus):
        self.items = []
        super().__init__(bus, '/StatusNotifierWatcher')

    @dbus.service.method(IFACE, in_signature='s', out_signature='', sender_keyword='sender')
    def RegisterStatusNotifierItem(self, service, sender=None):
        # Qt passes either its service name or an object path on its own connection.
        if service.startswith('/'):
            name, path = sender, service
        else:
            name, path = service, '/StatusNotifierItem'
        self.items.append(f'{name}{path}')
        print(f'item {name} {path}', flush=True)
        self.StatusNotifierItemRegistered(f'{name}{path}')

    @dbus.service.method(IFACE, in_signature='s', out_signature='')
    def RegisterStatusNotifierHost(self, service):
        pass

    @dbus.service.signal(IFACE, signature='s')
    def StatusNotifierItemRegistered(self, item):
        pass

    @dbus.service.signal(IFACE, signature='')
    def StatusNotifierHostRegistered(self):
        pass

    # Qt reads the property through QDBusInterface, which only knows what introspection lists.
    @dbus.service.method(dbus.INTROSPECTABLE_IFACE, in_signature='', out_signature='s')
    def Introspect(self):
        return f"""<node>
  <interface name="{IFACE}">
    <method name="RegisterStatusNotifierItem"><arg name="service" type="s" direction="in"/></method>
    <method name="RegisterStatusNotifierHost"><arg name="service" type="s" direction="in"/></method>
    <property name="RegisteredStatusNotifierItems" type="as" access="read"/>
    <property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
    <property name="ProtocolVersion" type="i" access="read"/>
    <signal name="StatusNotifierItemRegistered"><arg type="s"/></signal>
    <signal name="StatusNotifierHostRegistered"/>
  </interface>
  <interface name="org.freedesktop.DBus.Properties">
    <method name="Get"><arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="v" direction="out"/></method>
    <method name="GetAll"><arg type="s" direction="in"/><arg type="a{{sv}}" direction="out"/></method>
  </interface>
</node>"""

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature='ss', out_signature='v')
    def Get(self, interface, prop):
        return self.GetAll(interface)[prop]

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature='s', out_signature='a{sv}')
    def GetAll(self, interface):
        return {'IsStatusNotifierHostRegistered': dbus.Boolean(True),
                'ProtocolVersion': dbus.Int32(0),
                'RegisteredStatusNotifierItems': dbus.Array(self.items, signature='s')}


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    watcher = Watcher(bus)  # noqa: F841 - kept alive by the main loop
    name = dbus.service.BusName(IFACE, bus, do_not_queue=True)  # noqa: F841
    loop = GLib.MainLoop()
    signal.signal(signal.SIGTERM, lambda *_: loop.quit())
    print('ready', flush=True)
    loop.run()
    return 0


if __name__ == '__main__':
    sys.exit(main())
