"""complaints: the 举报投诉 register (receipt, 核查期限, verification with its officers, notification, closing)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 11:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('complaint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('complaint_no', sa.String(length=30), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('source_ref', sa.String(length=40), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('complainant_name', sa.String(length=40), nullable=False),
    sa.Column('complainant_contact', sa.String(length=60), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('reported_name', sa.String(length=100), nullable=False),
    sa.Column('reported_address', sa.String(length=200), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('deadline_rule', sa.String(length=100), nullable=False),
    sa.Column('deadline_calendar', sa.String(length=80), nullable=False),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('result', sa.String(length=6), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('handling', sa.String(length=12), nullable=False),
    sa.Column('doc_no', sa.String(length=60), nullable=False),
    sa.Column('inspection_id', sa.Integer(), nullable=True),
    sa.Column('notified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('notify_method', sa.String(length=10), nullable=False),
    sa.Column('notify_note', sa.String(length=200), nullable=False),
    sa.Column('unable_reason', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=6), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by', sa.String(length=40), nullable=False),
    sa.Column('created_by', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspection.id'], name=op.f('fk_complaint_inspection_id_inspection')),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_complaint_unit_id_unit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint')),
    sa.UniqueConstraint('complaint_no', name=op.f('uq_complaint_complaint_no')),
    sa.UniqueConstraint('uid', name=op.f('uq_complaint_uid'))
    )
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_inspection_id'), ['inspection_id'], unique=False)
        batch_op.create_index('ix_complaint_status_due', ['status', 'due_at'], unique=False)
        batch_op.create_index('ix_complaint_received_at', ['received_at'], unique=False)

    op.create_table('complaint_officer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('cert_no', sa.String(length=40), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_complaint_officer_complaint_id_complaint')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_complaint_officer_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_officer')),
    sa.UniqueConstraint('complaint_id', 'user_id', name='uq_complaint_officer_pair'),
    sa.UniqueConstraint('uid', name=op.f('uq_complaint_officer_uid'))
    )
    with op.batch_alter_table('complaint_officer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_officer_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_officer_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('complaint_officer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_officer_user_id'))
        batch_op.drop_index(batch_op.f('ix_complaint_officer_complaint_id'))
    op.drop_table('complaint_officer')
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_index('ix_complaint_received_at')
        batch_op.drop_index('ix_complaint_status_due')
        batch_op.drop_index(batch_op.f('ix_complaint_inspection_id'))
        batch_op.drop_index(batch_op.f('ix_complaint_unit_id'))
    op.drop_table('complaint')
