"""Rules every project follows whatever its jurisdiction: the file format, sums, evidence paths, waivers.

They cite the project format (docs/format.md) rather than a regulation: they keep the data the legal rules read
well formed. Codes GP0xx. What they need of the engine (its settings problems, the codes of all rules) comes in the
`Context`; the engine applies the waivers (`govproj.core.engine.apply_waivers`).
"""
from __future__ import annotations

import datetime as _dt
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from govproj.core.doc import SHAPE_HINT
from govproj.core.fields import format_money
from govproj.core.money import Money
from govproj.core.rules import Citation, Context, Finding, RuleSet

if TYPE_CHECKING:
    from govproj.core.project import Project

RULES = RuleSet("GP")
FORMAT = "govproj 项目文件格式（docs/format.md）"
ALL: tuple[str, ...] = ()  # every stage


def _fmt(section: str, quote: str) -> Citation:
    return Citation(FORMAT, section, quote)


def _problems(project: "Project", code: str) -> Iterator[Finding]:
    for file, problem in project.problems:
        if problem.code == code:
            yield Finding(file, problem.path, problem.message, problem.hint, at_key=code == "GP002")


@RULES.rule("GP001", "字段类型错误", severity="error", stages=ALL,
            citation=_fmt("§值的类型", "日期写 YYYY-MM-DD，金额写数字（万元），是否写 true/false。"),
            message="字段的值类型不对", hint="改成正确的类型；" + SHAPE_HINT)
def wrong_type(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    每个字段的值是否是它应有的类型：日期、金额、是否、文字、列表。

    ## 为什么
    规则按类型读取数据：写成“2026年5月31日”的日期无法比较先后，写成文字的金额无法求和。

    ## 通过示例
    ```yaml
    events: {declared: {date: 2026-05-20}}
    ```
    ## 不通过示例
    ```yaml
    events: {declared: {date: 2026年5月20日}}
    ```
    """
    yield from _problems(project, "GP001")


@RULES.rule("GP002", "未知字段", severity="error", stages=ALL,
            citation=_fmt("§字段", "每个文件只能使用本格式定义的字段；拼错的字段不会被检查。"),
            message="未知的字段", hint="检查拼写（错误信息里有最接近的字段名）")
def unknown_key(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    文件里是否有格式没有定义的字段（多半是拼写错误）。

    ## 为什么
    拼错的字段（如 `signof`）不会被任何规则读取，填了等于没填，却让人以为已经填好。

    ## 通过示例
    ```yaml
    signoffs: {business_head: {name: 张三}}
    ```
    ## 不通过示例
    ```yaml
    signofs: {business_head: {name: 张三}}
    ```
    """
    yield from _problems(project, "GP002")


@RULES.rule("GP003", "取值不在可选范围", severity="error", stages=ALL,
            citation=_fmt("§可选值", "有固定选项的字段只能取列出的值。"),
            message="取值不在可选范围内", hint="从错误信息列出的可选值中选择")
def bad_choice(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    有固定选项的字段（项目类型、阶段、服务对象、测评结论等）是否取了列出的值。

    ## 为什么
    表单上的勾选项是固定的；写成别的说法，规则和表单都无法识别。

    ## 通过示例
    ```yaml
    kind: upgrade
    ```
    ## 不通过示例
    ```yaml
    kind: 升级
    ```
    """
    yield from _problems(project, "GP003")


@RULES.rule("GP004", "金额或数字写法错误", severity="error", stages=ALL,
            citation=_fmt("§金额", "金额以万元为单位（budget.yaml 写 unit: 元 时以元计），写半角数字，精确计算，不用浮点数。"),
            message="金额或数字的写法不对", hint="用半角数字，单位万元（或按 budget.yaml 的 unit），例如 180.5")
def bad_money(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    金额是否是半角数字（可带“万元”或“元”），没有全角数字、汉字或其他符号。

    ## 为什么
    金额参与精确求和与门槛比较（如 100 万元监理、200 万元可研），写法不对就无法判断。

    ## 通过示例
    ```yaml
    total: 180.5
    ```
    ## 不通过示例
    ```yaml
    total: １８０.５
    ```
    """
    yield from _problems(project, "GP004")


@RULES.rule("GP010", "必填项未填", severity="error", stages=ALL,
            citation=_fmt("§project.yaml", "id、name、unit、jurisdiction、kind、stage 为必填项。"),
            message="必填项未填", hint="在 project.yaml 填写该项")
def required(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    project.yaml 的必填项（编号、名称、单位、辖区、类型、阶段）是否都已填写。

    ## 为什么
    这些是识别一个项目的最少信息，所有规则和表单都依赖它们。

    ## 通过示例
    ```yaml
    name: 某某区政务地理信息系统升级改造项目
    ```
    ## 不通过示例
    ```yaml
    name:
    ```
    """
    from govproj.core.format import project_spec

    for field in project_spec(project.pack).fields:
        if field.required and project.get("project.yaml", field.key) in (None, ""):
            yield Finding("project.yaml", (field.key,), f"必填项“{field.label}”（{field.key}）未填",
                          f"填写{field.label}：{field.help}")
    pid = project.get("project.yaml", "id")
    if isinstance(pid, str) and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", pid):
        yield Finding("project.yaml", ("id",), f"项目编号“{pid}”含有不允许的字符",
                      "编号只用字母、数字、点、下划线和连字符，如 bj-2026-gis（它会出现在 git 标签里）")


def evidence_refs(project: "Project") -> Iterator[tuple[str, tuple, str]]:
    """(file, path, reference) of every evidence path in every file."""
    from govproj.core.doc import iter_paths

    for file, data in project.data.items():
        for path, value in iter_paths(data):
            if path and path[-1] == "evidence" and isinstance(value, list):
                for index, ref in enumerate(value):
                    if isinstance(ref, str):
                        yield file, path + (index,), ref


@RULES.rule("GP011", "证据文件路径无效", severity="error", stages=ALL,
            citation=_fmt("§证据文件", "证据文件放在项目文件夹的 evidence/ 下，以相对路径引用。"),
            message="证据文件不存在或不在项目文件夹内", hint="把文件放到项目的 evidence/ 下，写相对路径")
def evidence_paths(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    每个 `evidence` 引用的文件是否存在，且位于项目文件夹之内。

    ## 为什么
    证据随项目一起进入 git，审计留痕要能核对它的哈希；项目外的文件别人拿不到，也会随时变化。

    ## 通过示例
    ```yaml
    evidence: [evidence/需求确认表-签字.pdf]
    ```
    ## 不通过示例
    ```yaml
    evidence: [../../共享盘/需求确认表.pdf]
    ```
    """
    root = project.root.resolve()
    for file, path, ref in evidence_refs(project):
        target, problem, hint = evidence_target(root, ref)
        if problem:
            yield Finding(file, path, problem, hint)


def evidence_target(root: Path, ref: str) -> tuple[Path | None, str, str]:
    """Where an evidence reference points inside the (resolved) project folder, or (None, what is wrong, what to do).

    One reading for `check` (GP011) and `advance` (which hashes the files): a name with control characters (a NUL
    byte), an absolute path or URL, a path leaving the project, a link loop, a folder, a pipe or device, a file that
    is not there are each named; the file system is asked nothing that could raise or block."""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in ref):
        shown = "".join(ch if ord(ch) >= 32 and ord(ch) != 127 else f"\\x{ord(ch):02x}" for ch in ref)
        return None, f"证据路径“{shown}”里有控制字符（如空字符），不是有效的文件名", "重新输入文件名，只写可见的字符"
    if ref.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", ref) or "://" in ref:
        return None, f"证据路径“{ref}”是绝对路径或网址", "改为相对于项目文件夹的路径，如 evidence/批复.pdf"
    try:
        target = (root / ref).resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop (RuntimeError before Python 3.13), a name too long
        return None, f"证据路径“{ref}”无法解析（符号链接循环或文件名过长）", "把证据文件本身放到 evidence/ 下，不要用链接"
    try:
        target.relative_to(root)
    except ValueError:
        return None, f"证据路径“{ref}”指向项目文件夹之外", "把文件复制到本项目的 evidence/ 下再引用"
    try:
        info = target.stat()
    except (OSError, ValueError):
        return None, f"证据文件“{ref}”不存在", "检查文件名，或把扫描件放到该位置"
    if stat.S_ISDIR(info.st_mode):
        return None, f"证据路径“{ref}”是文件夹，不是文件", "写文件夹里具体的文件，如 evidence/批复.pdf"
    if not stat.S_ISREG(info.st_mode):
        return None, f"证据路径“{ref}”不是普通文件（是管道、设备或套接字）", "换成扫描件、照片等普通文件"
    if not os.access(target, os.R_OK):
        return None, f"证据文件“{ref}”没有读取权限", "检查文件权限（ls -l），让运行 govproj 的用户可以读取"
    return target, "", ""


def _sum(project: "Project", key: str) -> tuple[Money, bool]:
    total = Money.zero()
    complete = True
    for _, item in project.items("budget.yaml", key):
        amount = item.get("amount")
        if isinstance(amount, Money):
            total += amount
        else:
            complete = False
    return total, complete


@RULES.rule("GP020", "预算明细之和不等于总投资", severity="error", stages=ALL,
            citation=_fmt("§budget.yaml", "预算明细各项之和、资金来源各项之和都必须等于总投资，精确到分。"),
            message="预算明细之和与总投资不一致", hint="核对各项金额或总投资")
def budget_sums(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    budget.yaml 里 `lines`（预算明细）各项金额之和、`sources`（资金来源）各项金额之和，是否都精确等于 `total`。

    ## 为什么
    预算明细表和资金来源是申报材料的一部分（如北京第10条“项目预算明细表”、渝北附件1“资金来源”），对不上的预算会被退回。
    金额按十进制精确计算，不会有浮点误差。

    ## 通过示例
    ```yaml
    total: 100.00
    lines: [{name: 软件开发, amount: 60.00}, {name: 硬件, amount: 40.00}]
    ```
    ## 不通过示例
    ```yaml
    total: 100.00
    lines: [{name: 软件开发, amount: 60.00}, {name: 硬件, amount: 40.01}]
    ```
    """
    total = project.total
    if total is None:
        return
    for key, label in (("lines", "预算明细"), ("sources", "资金来源")):
        if not project.get("budget.yaml", key):
            continue
        amount, complete = _sum(project, key)
        if complete and amount != total:
            diff = amount - total
            yield Finding("budget.yaml", (key,),
                          f"{label}合计 {format_money(amount)} 万元，总投资 {format_money(total)} 万元，相差 {format_money(diff)} 万元",
                          f"核对{label}各项金额，或修改 total", at_key=True)


@RULES.rule("GP021", "资金来源没有写资金类型", severity="error", stages=ALL,
            citation=_fmt("§资金类型", "资金来源的 type 写本辖区办法所列的资金种类；规则按类型判断，不看来源名称。"),
            message="资金来源没有写资金类型（type）", hint="在 budget.yaml 的 sources 每一项写 type（可选值见 govproj explain GP021）")
def funding_type_missing(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    budget.yaml 的 `sources`（资金来源）每一项是否写了 `type`（资金类型），取值为本辖区办法所列的资金种类
    （各辖区的可选值见 docs/format.md 的“资金类型”，例如吉林省的“省级财政资金”、渝北区申报表的四栏）。
    `source` 是表格里印的名称，照文件写；规则只看 `type`。

    ## 为什么
    资金的种类决定义务：吉林省第十二条按“拟利用省级财政资金”是否超过200万元决定要不要可行性研究报告，
    西城区第十一条对“政府和社会共同投资”的项目要求可行性研究报告，渝北区附件1 按中央、市、区财政资金和自有资金分栏。
    名称是自由文字（“2027年省级专项资金”也是省级财政资金），按字面猜种类会猜错，所以种类单独写明。

    ## 通过示例
    ```yaml
    sources: [{source: 2027年省级专项资金, type: 省级财政资金, amount: 386.50}]
    ```
    ## 不通过示例
    ```yaml
    sources: [{source: 省级专项资金, amount: 386.50}]
    ```
    """
    if not project.pack.funding_types:
        return
    for index, item in project.items("budget.yaml", "sources"):
        if item.get("type") in (None, "") and (index, "type") not in _typed_badly(project):
            choices = "、".join(t for t, _ in project.pack.funding_types)
            yield Finding("budget.yaml", ("sources", index),
                          f"资金来源“{item.get('source') or f'第{index + 1}项'}”没有写资金类型（type）",
                          f"写 type：{choices}", at_key=True)


def _typed_badly(project: "Project") -> set[tuple]:
    """(index, "type") of sources whose type was written but is not one of the choices (GP003 reports those)."""
    return {p.path[1:3] for f, p in project.problems if f == "budget.yaml" and p.path[:1] == ("sources",)
            and p.path[2:3] == ("type",)}


@RULES.rule("GP030", "规则设置无效", severity="error", stages=ALL,
            citation=_fmt("§settings", "settings 按规则编号写级别（error/warning/info/off）和该规则接受的参数。"),
            message="规则设置无效", hint="用 `govproj explain 规则编号` 查看该规则接受的参数")
def bad_settings(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    project.yaml 的 `settings` 是否只设置存在的规则、有效的级别和该规则接受的参数。

    ## 为什么
    拼错的规则编号或参数不会生效，却让人以为已经调整。

    ## 通过示例
    ```yaml
    settings: {BJ071: {severity: info}}
    ```
    ## 不通过示例
    ```yaml
    settings: {BJ999: {severity: info}}
    ```
    """
    yield from ctx.settings_problems  # the engine validated the settings; it hands the problems over


WAIVER_CITE = _fmt("§waivers", "豁免必须写明规则编号、理由、批准人和到期日；到期后规则恢复检查。")


def _waivers(project: "Project") -> Iterator[tuple[int, dict[str, Any]]]:
    return project.items("project.yaml", "waivers")


@RULES.rule("GP040", "豁免不完整", severity="error", stages=ALL, citation=WAIVER_CITE,
            message="豁免缺少理由、批准人或到期日", hint="补全 reason、approved_by 和 expires；不完整的豁免不生效")
def waiver_incomplete(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `waivers` 的每一条是否写明了规则编号、理由、批准人和到期日，规则编号是否存在。

    ## 为什么
    豁免意味着某条管理要求不适用于本项目，事后审计要能看到为什么、谁批准、到什么时候为止。

    ## 通过示例
    ```yaml
    waivers:
      - {rule: BJ071, reason: 涉密系统不上政务云, approved_by: 王五, expires: 2027-12-31}
    ```
    ## 不通过示例
    ```yaml
    waivers:
      - {rule: BJ071, approved_by: 王五, expires: 2027-12-31}
    ```
    """
    codes = ctx.rule_codes  # None when the rule runs without the engine: then unknown codes are not judged
    for index, waiver in _waivers(project):
        code = str(waiver.get("rule") or "").upper()
        if not code:
            yield Finding("project.yaml", ("waivers", index), "豁免没有写规则编号（rule）", "写上要豁免的规则编号，如 BJ071")
        elif codes is not None and code not in codes:
            yield Finding("project.yaml", ("waivers", index, "rule"), f"豁免的规则“{code}”不存在",
                          "用 `govproj rules` 查看本辖区的规则编号")
        elif code in ctx.unwaivable:
            yield Finding("project.yaml", ("waivers", index, "rule"),
                          f"规则 {code} 依据的条款是强制性规定（原文“{ctx.unwaivable[code]}”），不能豁免，这条豁免不生效",
                          f"按规则要求整改；`govproj explain {code}` 显示条款原文")
        for key, label in (("reason", "理由"), ("approved_by", "批准人"), ("expires", "到期日")):
            if not waiver.get(key):
                yield Finding("project.yaml", ("waivers", index, key), f"豁免 {code or '?'} 缺少{label}（{key}）",
                              f"补写{label}；不完整的豁免不生效")


@RULES.rule("GP041", "豁免已过期", severity="warning", stages=ALL, citation=WAIVER_CITE,
            message="豁免已过期，规则已恢复检查", hint="重新审批并延长 expires，或删除这条豁免并整改")
def waiver_expired(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    豁免的到期日是否已过（到期日当天仍有效）。

    ## 为什么
    豁免是有期限的例外；过期后被豁免的规则重新生效，相关发现会再次出现。

    ## 通过示例
    ```yaml
    waivers: [{rule: BJ071, reason: …, approved_by: 王五, expires: 2099-12-31}]
    ```
    ## 不通过示例
    ```yaml
    waivers: [{rule: BJ071, reason: …, approved_by: 王五, expires: 2020-12-31}]
    ```
    """
    for index, waiver in _waivers(project):
        expires = waiver.get("expires")
        if isinstance(expires, _dt.date) and expires < ctx.today:
            yield Finding("project.yaml", ("waivers", index, "expires"),
                          f"对 {waiver.get('rule') or '?'} 的豁免已于 {expires.isoformat()} 到期，规则已恢复检查")


@RULES.rule("GP042", "豁免没有对应的问题", severity="warning", stages=ALL, citation=WAIVER_CITE,
            message="豁免没有对应任何发现", hint="问题已解决的话，删除这条豁免")
def waiver_unused(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    每条有效的豁免是否确实豁免了至少一个发现。由检查引擎在所有规则运行之后判断。

    ## 为什么
    不再需要的豁免会掩盖将来出现的同类问题，应当及时删除。

    ## 通过示例
    豁免 BJ071，且项目确实没有选择共性平台。
    ## 不通过示例
    豁免 BJ071，但项目已经选择了市级政务云。
    """
    # The engine (`apply_waivers`) reports unused waivers after every other rule has run; alone it sees nothing.
    return iter(())


@RULES.rule("GP050", "项目编号重复", severity="error", stages=ALL,
            citation=_fmt("§project.yaml", "id 是项目的唯一编号：批复基线标签、推进提交和审计轨迹都按它查找。"),
            message="项目编号与同一批检查的另一个项目相同",
            hint="复制文件夹新建项目后，把 project.yaml 的 id 改成新项目自己的编号")
def duplicate_id(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    一次检查的所有项目中，是否有两个或更多项目使用同一个 `id`。由批量检查（`check`、`status` 给出的文件夹）在所有项目
    检查完之后判断，每个重复的项目各报一次，并列出其他使用该编号的项目。

    ## 为什么
    复制一个文件夹来开始新项目时常忘记改 id：两个项目会共用批复基线标签（`govproj/<id>/baseline-N`）和推进记录，
    `verify` 会把一个项目的推进当成另一个项目的篡改。

    ## 通过示例
    `projects/a/project.yaml` 写 `id: bj-2026-a`，`projects/b/project.yaml` 写 `id: bj-2026-b`。
    ## 不通过示例
    两个文件夹的 project.yaml 都写 `id: bj-2026-a`。
    """
    # The batch (`edges/batch.duplicate_ids`) reports it once every project of the run is known; one project alone
    # cannot share its id with anybody.
    return iter(())


def past_baseline(project: "Project") -> bool:
    """Whether the project is at or after its pack's baseline stage (where `advance` tags the approved baseline)."""
    order = [s.id for s in project.pack.stages]
    base = next((s.id for s in project.pack.stages if s.baseline), None)
    return base is not None and project.stage in order and order.index(project.stage) >= order.index(base)


@RULES.rule("GP051", "批复基线不在本地", severity="error", stages=ALL,
            citation=_fmt("§批复基线", "进入批复基线阶段时，govproj advance 打基线标签；此后的变更按批复基线比较，"
                                   "没有基线就无从判断变更程序。"),
            message="项目已过批复基线阶段，本地却找不到它的批复基线标签",
            hint="取回完整历史和标签：git fetch --unshallow --tags")
def baseline_at_hand(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    项目已经进入或越过批复基线阶段（`govproj stages` 中标“批复基线”），审计轨迹也记录了基线标签，本地却找不到它：
    浅克隆（CI 默认的 `fetch-depth: 1`）、克隆或拉取时没有带标签、或标签被删除。三种情况分别说明。项目在基线阶段
    之后才加入仓库（轨迹里从未打过基线标签）的不报；不是克隆来的仓库（没有远端）里被删除的标签由 `govproj verify`
    报告（检查不为此启动 git，pre-commit 钩子保持快速）。

    ## 为什么
    变更控制（如北京第21条、渝北第十一条）要与批复时的内容比较。找不到基线时，检查若悄悄跳过变更控制，完整克隆会
    拒绝的预算调整在 CI 里却能通过。确知本次运行不需要变更控制时，`govproj check --allow-missing-baseline`
    把它降为警告。

    ## 通过示例
    完整克隆：`git clone <仓库>`，或 GitHub Actions 的 `actions/checkout` 设 `fetch-depth: 0`。
    ## 不通过示例
    `git clone --depth 1 <仓库>` 后检查已进入“细化建设内容”的北京项目。
    """
    if not past_baseline(project):
        return  # before approval no baseline is expected: git is not even asked
    missing = ctx.baseline_unavailable
    if missing is not None:
        yield Finding("project.yaml", ("stage",), missing.reason, missing.hint,
                      severity="warning" if missing.optional else "")
FUTURE_CITE = _fmt("§事件", "events 记录已经发生的事项：日期必须是事情实际发生的日期，不是计划日期。")


def _event_label(project: "Project", key: str) -> str:
    return next((label for k, label, _ in project.pack.events if k == key), key)


def _relied_future(project: "Project", ctx: Context) -> dict[str, _dt.date]:
    out = {}
    for key in ctx.relied:
        when = project.event_date(key)
        if when is not None and when > ctx.today:
            out[key] = when
    return out


@RULES.rule("GP060", "门槛依据的事件尚未发生", severity="error", stages=ALL, citation=FUTURE_CITE,
            message="本阶段门槛依据的事件日期在检查日之后：事情还没有发生，不能作为依据",
            hint="写事情实际发生的日期；还没有发生的，等它发生后再记录（计划日期写在 note 里或本辖区的计划字段）")
def gate_event_in_future(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    本阶段错误级规则（门槛）读取的每个事件（`events.<事件>`），其日期是否不晚于检查日（`check` 的 `--today`，
    `advance` 为推进当天）。晚于检查日的，在该事件的日期行报错误：门槛不能靠一件还没有发生的事打开。
    由检查引擎在其他规则运行之后判断：哪些事件是门槛的依据，就是本阶段错误级规则实际读取的事件。

    ## 为什么
    验收日期写成下个月，验收相关的门槛就会放行，项目可以进入绩效评估；而办法要求的是“通过验收后”。
    事件记录的是已经发生的事，日期当天发生的算已发生。

    ## 通过示例
    检查日 2026-11-25：
    ```yaml
    events: {accepted: {date: 2026-11-25, result: pass}}
    ```
    ## 不通过示例
    检查日 2026-11-25，进入绩效评估：
    ```yaml
    events: {accepted: {date: 2026-12-20, result: pass}}
    ```
    """
    for key, when in sorted(_relied_future(project, ctx).items()):
        rules = "、".join(sorted(set(ctx.relied[key]))[:4])
        yield Finding("project.yaml", ("events", key, "date"),
                      f"“{_event_label(project, key)}”的日期 {when.isoformat()} 晚于检查日 {ctx.today.isoformat()}："
                      f"事情还没有发生，不能作为本阶段门槛（{rules}）的依据")


FUTURE_DATES_CITE = _fmt("§日期", "各文件里的日期记录已经发生的事；看向将来的日期写在有效期至、到期日、计划日期等字段。")


@RULES.rule("GP061", "日期在检查日之后", severity="warning", stages=ALL, citation=FUTURE_DATES_CITE,
            message="已发生事项的日期在检查日之后",
            hint="核对日期：记录的是已经发生的事；计划日期写在计划字段（如有效期至 until、计划完成日期）里")
def date_in_future(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    各文件里记录已发生事项的日期（事件、签字、材料、测评、合同签订、变更等）是否晚于检查日。看向将来的日期——
    有效期至（`until`）、豁免到期日（`expires`）、计划开工/完成/验收日期等——不在此列。门槛依据的事件由 GP060 报错误，
    这里只对其余日期报警告。

    ## 为什么
    将来的日期多半是笔误或把计划写成了事实；它现在不影响门槛，但到了依据它的阶段就会挡住推进。

    ## 通过示例
    检查日 2026-11-25：
    ```yaml
    signoffs: {business_head: {name: 张三, date: 2026-11-20}}
    ```
    ## 不通过示例
    检查日 2026-11-25：
    ```yaml
    signoffs: {business_head: {name: 张三, date: 2027-11-20}}
    ```
    """
    from govproj.core.fields import dates
    from govproj.core.format import file_specs

    gated = set(_relied_future(project, ctx))
    specs = file_specs(project.pack)
    for file, data in project.data.items():
        for path, when, field in dates(specs[file], data):
            if field.planned or when <= ctx.today:
                continue
            if file == "project.yaml" and len(path) == 3 and path[0] == "events" and path[2] == "date" \
                    and path[1] in gated:
                continue
            yield Finding(file, path, f"“{field.label}”{when.isoformat()} 晚于检查日 {ctx.today.isoformat()}")


@RULES.rule("GP070", "结果没有对应的记录", severity="error", stages=ALL,
            citation=_fmt("§advance", "advance --outcome 写的结果必须有记录：评审、验收等的日期和结论。"),
            message="推进的结果（通过/未通过）没有对应的评审、验收或报告记录",
            hint="先在 project.yaml 记录这次评审或验收：日期、结论（result）和证据文件，再推进")
def outcome_unrecorded(project: "Project", ctx: Context) -> Iterator[Finding]:
    """## 检查内容
    `govproj advance --outcome fail`（以及办法规定的其他回路，如延期、分期验收后进入下一期）是否有决定这一步的记录：
    每个回路在规则包里声明它依据的记录（`Transition.record`）——一个事件（如北京第25条“未通过验收”依据
    `events.accepted`，结论 `result: fail`），或一个列表里的一项（如西城第二十条年度测评未通过依据 security.yaml 的
    `assessments` 里结论为 fail 的一项）。记录要有日期，日期不晚于推进当天，结论与推进的结果一致。
    由 `advance`（和 `verify` 重放推进时）判断，单独的 `check` 不报告本规则：它要看推进的是哪一步。

    ## 为什么
    未通过验收、评审退回是一件有日期、有结论的事；整改回路必须以它为依据。没有记录的“未通过”，审计时说不清
    何时、由谁、以什么结论退回。

    ## 通过示例
    ```yaml
    events: {accepted: {date: 2027-06-20, result: fail, evidence: [evidence/验收意见.pdf]}}
    ```
    `govproj advance 项目 --to acceptance --outcome fail`
    ## 不通过示例
    没有 `events.accepted`，却运行 `govproj advance 项目 --to acceptance --outcome fail`。
    """
    # `lifecycle.gates` reports it for the move being made (`outcome_findings`); a check at a stage has no move.
    return iter(())
