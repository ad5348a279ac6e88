"""exchange: the county center's copy of station records (stations, records by uid)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 10:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('exchange_station',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_uid', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('township', sa.String(length=60), nullable=False),
    sa.Column('county', sa.String(length=60), nullable=False),
    sa.Column('issuer_code', sa.String(length=20), nullable=False),
    sa.Column('package_created_at', sa.String(length=32), nullable=False),
    sa.Column('package_sha256', sa.String(length=64), nullable=False),
    sa.Column('audit_head', sa.String(length=64), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_station')),
    sa.UniqueConstraint('station_uid', name=op.f('uq_exchange_station_station_uid'))
    )
    op.create_table('exchange_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('station_id', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=80), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['exchange_station.id'],
                            name=op.f('fk_exchange_record_station_id_exchange_station')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_record')),
    sa.UniqueConstraint('table_name', 'uid', name='uq_exchange_record_key')
    )
    op.create_index('ix_exchange_record_station_table', 'exchange_record', ['station_id', 'table_name'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_exchange_record_station_table', table_name='exchange_record')
    op.drop_table('exchange_record')
    op.drop_table('exchange_station')
