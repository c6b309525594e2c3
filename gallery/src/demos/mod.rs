//! Demos, one module per component. Each public function is one specimen in the book.

pub mod accordion;
pub mod alert_dialog;
pub mod badge;
pub mod button;
pub mod callout;
pub mod card;
pub mod checkbox;
pub mod dialog;
pub mod field;
pub mod grid;
pub mod icon_button;
pub mod link;
pub mod overview;
pub mod progress;
pub mod radio_group;
pub mod select;
pub mod separator;
pub mod skeleton;
pub mod spinner;
pub mod stack;
pub mod switch;
pub mod tabs;
pub mod text_field;
pub mod textarea;
pub mod theme;
pub mod visually_hidden;
