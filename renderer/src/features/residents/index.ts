/** What other areas use from 居民: the picker (代办 and the rest start from a person), the form, the tags. */
export { ResidentPicker, type ResidentPickerProps } from './ResidentPicker';
export { ResidentForm, type ResidentFormProps } from './ResidentForm';
export { ResidentDetail } from './ResidentDetail';
export { TagList } from './TagList';
export { KEY_TAG_COLORS } from './strings';
