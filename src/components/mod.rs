//! Generic widgets shared by pages. One family per file; props documented with `///`.
//! Pages own data; components receive plain values, signals and callbacks.

pub mod avatar;
pub mod badge;
pub mod connector_fields;
pub mod custom_field;
pub mod empty_state;
pub mod flyout;
pub mod focus;
pub mod markdown;
pub mod markdown_editor;
pub mod modal;
pub mod popover;
pub mod spinner;
pub mod status;
pub mod tag_input;
pub mod toaster;
pub mod user_picker;

pub use avatar::{Avatar, AvatarKind, AvatarSize, UserAvatar};
pub use badge::{Badge, BadgeColor, Tag};
pub use empty_state::EmptyState;
pub use modal::{ConfirmModal, Modal, ModalSize};
pub use popover::{ContextMenu, MenuItem, MenuLink, MenuSeparator, MenuTitle, Popover};
pub use spinner::{SkeletonRows, SkeletonText, Spinner, SpinnerSize};
pub use status::{SeverityBadge, StatusBadge};
pub use toaster::{Toaster, Toasts};
