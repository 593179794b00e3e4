/** What other features mount: the 服务清单 tab for the 代办 area, and the item picker for intake. */
export { CataloguePanel } from './CataloguePanel';
export { ItemPicker, type ItemPickerProps } from './ItemPicker';
