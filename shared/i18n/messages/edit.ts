// Editing cells in the review grid (issue 16 item 2): the grid's words, the edit channel's refusals, and how
// the results workbook marks an edited cell.
import { defineMessages } from '../define';

export const editMessages = defineMessages({
  'edit.error.unknownRow': { 'zh-CN': '第 {row} 行不在这次读取的数据中，无法修改。请重新读取文件后再改。', en: 'Row {row} is not in this read, so it cannot be edited. Read the file again, then edit.' },
  'edit.error.unknownColumn': { 'zh-CN': '第 {column} 列不在这张表中，无法修改。', en: 'Column {column} is not in this sheet, so it cannot be edited.' },
  'edit.ui.gridKeys': {
    'zh-CN': '方向键移动；回车或双击修改单元格，回车或 Tab 确认，Esc 取消；空格键勾选跳过；Ctrl+Z 撤销，Ctrl+Y 重做',
    en: 'Arrow keys move; Enter or double-click edits a cell, Enter or Tab commits, Esc cancels; Space ticks Skip; Ctrl+Z undoes, Ctrl+Y redoes',
  },
  'edit.ui.editor': { 'zh-CN': '修改 第 {row} 行「{column}」', en: 'Edit row {row}, {column}' },
  'edit.ui.edited': { 'zh-CN': '已修改，原值：{original}', en: 'Edited; the file has: {original}' },
  'edit.ui.originalEmpty': { 'zh-CN': '（空）', en: '(empty)' },
  'edit.ui.undo': { 'zh-CN': '撤销', en: 'Undo' },
  'edit.ui.redo': { 'zh-CN': '重做', en: 'Redo' },
  'edit.ui.undoTitle': { 'zh-CN': '撤销上一次修改（Ctrl+Z）', en: 'Undo the last edit (Ctrl+Z)' },
  'edit.ui.redoTitle': { 'zh-CN': '重做（Ctrl+Y 或 Ctrl+Shift+Z）', en: 'Redo (Ctrl+Y or Ctrl+Shift+Z)' },
  'edit.ui.editedCount': { 'zh-CN': '已在此修改 {count} 个单元格（原文件不变）', en: '{count} cells edited here (the file itself is not changed)' },
  'edit.ui.saving': { 'zh-CN': '正在校验修改…', en: 'Checking the edit…' },
  'edit.workbook.note': { 'zh-CN': '在本程序中修改过。原值：{original}', en: 'Edited in this app. The file had: {original}' },
  'edit.workbook.summary': { 'zh-CN': '在本程序中修改的单元格', en: 'Cells edited in this app' },
});
