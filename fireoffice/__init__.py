"""fireoffice — desktop software for township and street-level fire stations."""

__version__ = "0.1.0"
APP_NAME = "fireoffice"
APP_TITLE_ZH = "消防所业务管理系统"
