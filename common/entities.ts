/**
 * The names of every record kind (entity) and every action the station writes. They are
 * part of the audit chain and of the county protocol (outbox events), so they are pinned
 * here, once, and audit/outbox writers accept nothing else.
 *
 * The scheme: an entity is singular snake_case; an action is `<entity>.<verb>`, named for
 * the entity its row is about. Rows written before this scheme keep their old names (the
 * chains hash the stored rows, so they are never rewritten): LEGACY_ACTIONS and
 * LEGACY_ENTITIES say what they mean now, so an old log still reads in Chinese.
 */

export const ENTITIES = {
  staff: '工作人员',
  station: '站点',
  settings: '本机设置',
  audit_log: '操作日志',
  catalogue_version: '服务清单',
  catalogue_item: '服务事项',
  intake: '代办事项',
  intake_notice: '一次性告知书',
  intake_transmittal: '转报单',
  calendar: '节假日安排',
  document: '单据',
  resident: '居民',
  day_close: '日结',
  sync: '县级同步',
  export_file: '导出文件',
  relief_case: '社会救助申请',
  relief_close_relative: '近亲属备案',
  relief_settings: '社会救助设置',
  wish: '微心愿',
  wish_proof: '圆梦交接凭证',
  wish_settings: '微心愿设置',
  wish_lobby_link: '大厅屏链接',
  claimant: '心愿认领方',
} as const;

export type EntityName = keyof typeof ENTITIES;

/** Each action, the entity it is about, and its label in the 操作日志. */
export const ACTIONS = {
  'staff.create': { entity: 'staff', label: '新增工作人员' },
  'staff.update': { entity: 'staff', label: '修改工作人员' },
  'staff.resetPassword': { entity: 'staff', label: '重置密码' },
  'staff.unlock': { entity: 'staff', label: '解锁账号' },
  'staff.signIn': { entity: 'staff', label: '登录' },
  'staff.signInFailed': { entity: 'staff', label: '登录失败' },
  'staff.lock': { entity: 'staff', label: '账号锁定' },
  'staff.signOut': { entity: 'staff', label: '退出登录' },
  'staff.idleSignOut': { entity: 'staff', label: '空闲自动退出' },
  'staff.signOutDisabled': { entity: 'staff', label: '账号停用，已退出' },
  'staff.changePassword': { entity: 'staff', label: '修改密码' },
  'staff.grant': { entity: 'staff', label: '授予权限' },
  'staff.revokeGrant': { entity: 'staff', label: '收回权限' },
  'staff.changePasswordFailed': { entity: 'staff', label: '修改密码时当前密码错误' },
  'station.create': { entity: 'station', label: '登记站点信息' },
  'station.update': { entity: 'station', label: '修改站点信息' },
  'settings.update': { entity: 'settings', label: '修改本机设置' },
  'audit_log.export': { entity: 'audit_log', label: '导出操作日志' },
  'catalogue_version.seed': { entity: 'catalogue_version', label: '载入初始服务清单' },
  'catalogue_version.import': { entity: 'catalogue_version', label: '导入县级服务清单' },
  'catalogue_item.add': { entity: 'catalogue_item', label: '新增服务事项' },
  'catalogue_item.update': { entity: 'catalogue_item', label: '修改服务事项' },
  'catalogue_item.retire': { entity: 'catalogue_item', label: '停用服务事项' },
  'catalogue_item.restore': { entity: 'catalogue_item', label: '恢复服务事项' },
  'intake.accept': { entity: 'intake', label: '受理代办事项' },
  'intake.acceptOnTheSpot': { entity: 'intake', label: '受理并当场办结' },
  'intake.transition': { entity: 'intake', label: '代办事项状态变更' },
  'intake.assign': { entity: 'intake', label: '县级受理并分派承办部门' },
  'intake_notice.issue': { entity: 'intake_notice', label: '出具一次性告知书' },
  'intake_transmittal.issue': { entity: 'intake_transmittal', label: '转报代办事项' },
  'calendar.load': { entity: 'calendar', label: '导入节假日安排' },
  'document.issue': { entity: 'document', label: '生成单据' },
  'document.print': { entity: 'document', label: '打印单据' },
  'document.reprint': { entity: 'document', label: '补打单据' },
  'resident.create': { entity: 'resident', label: '登记居民' },
  'resident.update': { entity: 'resident', label: '修改居民信息' },
  'resident.revealIdNumber': { entity: 'resident', label: '查看完整身份证号' },
  'resident.revealRefused': { entity: 'resident', label: '查看完整身份证号被拒绝' },
  'resident.exportLedger': { entity: 'resident', label: '导出重点服务对象台账' },
  'resident.import': { entity: 'resident', label: '批量导入居民' },
  'day_close.close': { entity: 'day_close', label: '关闭当日（日结）' },
  'day_close.confirm': { entity: 'day_close', label: '县级确认日结' },
  'day_close.reprint': { entity: 'day_close', label: '补打日结报表' },
  'sync.enroll': { entity: 'sync', label: '登记到县级平台' },
  'sync.resolveConflict': { entity: 'sync', label: '处理同步冲突' },
  'export_file.expire': { entity: 'export_file', label: '删除过期的导出文件' },
  'relief_case.create': { entity: 'relief_case', label: '登记社会救助申请' },
  'relief_case.accept': { entity: 'relief_case', label: '受理社会救助申请' },
  'relief_case.materials': { entity: 'relief_case', label: '补交社会救助申请材料' },
  'relief_case.updateHousehold': { entity: 'relief_case', label: '修改救助家庭信息' },
  'relief_case.step': { entity: 'relief_case', label: '社会救助办理步骤' },
  'relief_case.forward': { entity: 'relief_case', label: '社会救助报县审批' },
  'relief_case.decide': { entity: 'relief_case', label: '县级社会救助审批决定' },
  'relief_case.withdraw': { entity: 'relief_case', label: '撤回社会救助申请' },
  'relief_case.extend': { entity: 'relief_case', label: '延长社会救助办理期限' },
  'relief_case.emergency': { entity: 'relief_case', label: '批准临时救助先行救助' },
  'relief_case.completeTask': { entity: 'relief_case', label: '完成先行救助后续手续' },
  'relief_case.export': { entity: 'relief_case', label: '导出社会救助数据' },
  'relief_close_relative.record': { entity: 'relief_close_relative', label: '近亲属备案' },
  'relief_settings.update': { entity: 'relief_settings', label: '修改社会救助设置' },
  'relief_settings.standard': { entity: 'relief_settings', label: '载入低保标准' },
  'wish.create': { entity: 'wish', label: '登记微心愿' },
  'wish.publish': { entity: 'wish', label: '发布微心愿' },
  'wish.approve': { entity: 'wish', label: '站长审批通过并发布微心愿' },
  'wish.reject': { entity: 'wish', label: '微心愿审核未通过' },
  'wish.withdraw': { entity: 'wish', label: '撤回微心愿' },
  'wish.claim': { entity: 'wish', label: '认领微心愿' },
  'wish.unclaim': { entity: 'wish', label: '取消认领微心愿' },
  'wish.fulfil': { entity: 'wish', label: '微心愿圆梦交接' },
  'wish.followUp': { entity: 'wish', label: '微心愿回访' },
  'wish.expire': { entity: 'wish', label: '微心愿到期未认领' },
  'wish_proof.upload': { entity: 'wish_proof', label: '上传圆梦交接凭证' },
  'wish_settings.update': { entity: 'wish_settings', label: '修改微心愿价值上限' },
  'wish_lobby_link.create': { entity: 'wish_lobby_link', label: '新建大厅屏链接' },
  'wish_lobby_link.revoke': { entity: 'wish_lobby_link', label: '停用大厅屏链接' },
  'claimant.create': { entity: 'claimant', label: '登记心愿认领方' },
  'claimant.update': { entity: 'claimant', label: '修改心愿认领方' },
} as const satisfies Record<string, { entity: EntityName; label: string }>;

export type ActionName = keyof typeof ACTIONS;
/** The entity an action is about: an audit row's action and entity always agree. */
export type EntityOf<A extends ActionName> = (typeof ACTIONS)[A]['entity'];

/** Names stored before the scheme was settled, and the names they mean now. */
export const LEGACY_ACTIONS: Readonly<Record<string, ActionName>> = {
  'auth.signIn': 'staff.signIn',
  'auth.signInFailed': 'staff.signInFailed',
  'auth.locked': 'staff.lock',
  'auth.signOut': 'staff.signOut',
  'auth.idleSignOut': 'staff.idleSignOut',
  'auth.signOutDisabled': 'staff.signOutDisabled',
  'auth.changePassword': 'staff.changePassword',
  'audit.export': 'audit_log.export',
  'catalogue.seed': 'catalogue_version.seed',
  'catalogue.import': 'catalogue_version.import',
  'catalogue.add': 'catalogue_item.add',
  'catalogue.update': 'catalogue_item.update',
  'catalogue.retire': 'catalogue_item.retire',
  'catalogue.restore': 'catalogue_item.restore',
  'intake.notice': 'intake_notice.issue',
  'intake.forward': 'intake_transmittal.issue',
  'documents.issue': 'document.issue',
  'documents.print': 'document.print',
  'documents.reprint': 'document.reprint',
};

export const LEGACY_ENTITIES: Readonly<Record<string, EntityName>> = {
  audit: 'audit_log',
  catalogue: 'catalogue_version',
};

export function isActionName(s: string): s is ActionName {
  return Object.prototype.hasOwnProperty.call(ACTIONS, s);
}

export function isEntityName(s: string): s is EntityName {
  return Object.prototype.hasOwnProperty.call(ENTITIES, s);
}
