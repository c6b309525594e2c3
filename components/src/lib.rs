//! Crust UI: accessible Leptos components styled only by Crust's design tokens.
//!
//! Add the crate, serve [`STYLESHEET`] as one static stylesheet, wrap the app in
//! [`ThemeProvider`], and use the components:
//!
//! ```
//! use crust_ui::prelude::*;
//! use leptos::prelude::*;
//!
//! #[component]
//! fn Settings() -> impl IntoView {
//!     view! {
//!         <Field label="Display name" help="Shown on your profile">
//!             <TextField placeholder="Ada Lovelace" />
//!         </Field>
//!         <Button variant=ButtonVariant::Solid>"Save"</Button>
//!     }
//! }
//! ```
//!
//! The stylesheet is static (no styles are injected at run time) and every rule sits in
//! `@layer crust.components` inside `:where()`, so an app's own CSS wins without `!important`.
//! Variants are attributes (`data-variant`, `data-size`, `data-tone`), and `class` is appended to
//! the component's own class.
//!
//! Features: `ssr` (server), `hydrate` (browser bundle of an SSR app), `csr` (client-only app).
//! Components render the same markup under each; DOM work happens only in effects and handlers.
//!
//! This crate never reads token sources: it includes files that `tokenc` generates from
//! `tokens/` (`src/tokens.rs`, `styles/tokens.css`); a test fails when either is stale.
//!
//! ```
//! use crust_ui::tokens::color;
//!
//! // Tokens print as `var(--…)`, ready for inline styles.
//! assert_eq!(color::bg::CANVAS.to_string(), "var(--crust-color-bg-canvas)");
//! assert_eq!(crust_ui::tokens::Theme::Dark.as_str(), "dark");
//! ```
#![forbid(unsafe_code)]

pub mod tokens;

mod dom;
mod position;
mod util;

pub mod id;

pub mod accordion;
pub mod alert_dialog;
pub mod avatar;
pub mod badge;
pub mod breadcrumb;
pub mod button;
pub mod callout;
pub mod card;
pub mod checkbox;
pub mod dialog;
pub mod field;
pub mod grid;
pub mod icon_button;
pub mod link;
pub mod menu;
pub mod pagination;
pub mod popover;
pub mod progress;
pub mod radio_group;
pub mod select;
pub mod separator;
pub mod skeleton;
pub mod spinner;
pub mod stack;
pub mod switch;
pub mod table;
pub mod tabs;
pub mod text_field;
pub mod textarea;
pub mod theme;
pub mod toast;
pub mod tooltip;
pub mod visually_hidden;

pub mod stylesheet;

pub use accordion::{Accordion, AccordionItem};
pub use alert_dialog::AlertDialog;
pub use avatar::Avatar;
pub use badge::{Badge, BadgeVariant, Status};
pub use breadcrumb::{Breadcrumb, BreadcrumbItem};
pub use button::{Button, ButtonType, ButtonVariant, Size, Tone};
pub use callout::Callout;
pub use card::Card;
pub use checkbox::Checkbox;
pub use dialog::{Dialog, DialogActions};
pub use field::{Field, FieldContext};
pub use grid::Grid;
pub use icon_button::IconButton;
pub use id::IdScope;
pub use link::Link;
pub use menu::{Menu, MenuCheckboxItem, MenuItem, MenuRadioGroup, MenuRadioItem, MenuSeparator};
pub use pagination::Pagination;
pub use popover::Popover;
pub use progress::Progress;
pub use radio_group::{Radio, RadioGroup};
pub use select::{Select, SelectOption};
pub use separator::{Orientation, Separator};
pub use skeleton::Skeleton;
pub use spinner::Spinner;
pub use stack::{Align, Gap, Stack};
pub use switch::Switch;
pub use table::{Sort, SortDirection, Table, TableHeader};
pub use tabs::{Activation, Tab, Tabs};
pub use text_field::{InputType, TextField};
pub use textarea::Textarea;
pub use theme::{
    Choice, Setting, THEME_COOKIE, THEME_SCRIPT, ThemeProvider, ThemeState, ThemeToggle,
};
pub use toast::{Toast, Toaster, Toasts, use_toast};
pub use tooltip::Tooltip;
pub use visually_hidden::VisuallyHidden;

/// Everything an app needs in scope: the components, their variant enums, the theme types.
pub mod prelude {
    pub use crate::tokens::{Contrast, Density, Motion, Theme};
    pub use crate::{
        Accordion, AccordionItem, Activation, AlertDialog, Align, Avatar, Badge, BadgeVariant,
        Breadcrumb, BreadcrumbItem, Button, ButtonType, ButtonVariant, Callout, Card, Checkbox,
        Choice, Dialog, DialogActions, Field, Gap, Grid, IconButton, IdScope, InputType, Link,
        Menu, MenuCheckboxItem, MenuItem, MenuRadioGroup, MenuRadioItem, MenuSeparator,
        Orientation, Pagination, Popover, Progress, Radio, RadioGroup, Select, SelectOption,
        Separator, Setting, Size, Skeleton, Sort, SortDirection, Spinner, Stack, Status, Switch,
        Tab, Table, TableHeader, Tabs, TextField, Textarea, ThemeProvider, ThemeState, ThemeToggle,
        Toast, Toaster, Toasts, Tone, Tooltip, VisuallyHidden, use_toast,
    };
}

/// The generated token stylesheet: every token as a CSS custom property, per context.
pub const TOKENS_CSS: &str = include_str!("../styles/tokens.css");

/// The whole stylesheet to serve: layer order, tokens, base styles and every component's CSS
/// (`styles/crust-ui.css`, assembled by [`stylesheet::assemble`] and committed).
pub const STYLESHEET: &str = include_str!("../styles/crust-ui.css");
