"""The postal desk's services in one place (the window imports only this module): handover
batches, where the paper is, results by post, the tracking-number pool and the post's news."""

from __future__ import annotations

from counter_app.models.postal import BATCH_STATES, DELIVERY_STATES, DIRECTIONS
from counter_app.services.postal_batches import (
    SCAN_REASONS,
    TO_DEPARTMENT_STATUSES,
    ScanOutcome,
    add_to_batch,
    close_batch,
    create_batch,
    get_batch,
    latest_open_batch,
    list_batches,
    remove_from_batch,
)
from counter_app.services.postal_common import (
    DIRECTION_VI,
    BatchItemView,
    BatchView,
    normalize_code,
    parse_direction,
)
from counter_app.services.postal_delivery import (
    DELIVERY_VI,
    DeliveryView,
    WaitingRow,
    get_delivery,
    list_deliveries,
    parse_delivery_status,
    send_by_post,
    set_delivery_status,
    track,
    waiting_for_post,
)
from counter_app.services.postal_import import StatusImport, import_status_csv
from counter_app.services.postal_print import HandoverPrinted, handover_doc, print_handover
from counter_app.services.postal_tracking import (
    PoolImport,
    PoolStatus,
    import_tracking_pool,
    pool_status,
    validate_tracking,
)
from counter_app.services.postal_views import (
    VOLUME_DIRECTION_VI,
    PaperLeg,
    PaperLocation,
    TransitRow,
    VolumeRow,
    in_transit,
    paper_location,
    postal_volumes,
)

__all__ = [
    "BATCH_STATES",
    "DELIVERY_STATES",
    "DELIVERY_VI",
    "DIRECTIONS",
    "DIRECTION_VI",
    "SCAN_REASONS",
    "TO_DEPARTMENT_STATUSES",
    "VOLUME_DIRECTION_VI",
    "BatchItemView",
    "BatchView",
    "DeliveryView",
    "HandoverPrinted",
    "PaperLeg",
    "PaperLocation",
    "PoolImport",
    "PoolStatus",
    "ScanOutcome",
    "StatusImport",
    "TransitRow",
    "VolumeRow",
    "WaitingRow",
    "add_to_batch",
    "close_batch",
    "create_batch",
    "get_batch",
    "get_delivery",
    "handover_doc",
    "import_status_csv",
    "import_tracking_pool",
    "in_transit",
    "latest_open_batch",
    "list_batches",
    "list_deliveries",
    "normalize_code",
    "paper_location",
    "parse_delivery_status",
    "parse_direction",
    "pool_status",
    "postal_volumes",
    "print_handover",
    "remove_from_batch",
    "send_by_post",
    "set_delivery_status",
    "track",
    "validate_tracking",
    "waiting_for_post",
]
