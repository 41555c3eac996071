-- Every node's search index follows catalog and stock changes by polling these timestamps.
CREATE INDEX ix_product_updated ON product (updated_at);
CREATE INDEX ix_variant_updated ON variant (updated_at);
CREATE INDEX ix_inventory_updated ON inventory (updated_at);
