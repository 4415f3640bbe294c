"""govproj：政务信息化项目的全流程管理工具（项目文件夹 + 规则检查 + 审计留痕）。"""
from __future__ import annotations

__version__ = "0.1.0"
