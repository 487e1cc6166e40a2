/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to the S1AP codec: the macros that write type descriptors
 * (s1ap_types*.c) and the declaration of every descriptor, so the IE and
 * message tables can point at them.  Add a declaration here for each
 * T_*() added to s1ap_types*.c.
 *
 *   T_INT(id, name, lb, ub, ext)         INTEGER (lb..ub[, ...])
 *   T_ENUM(id, name, n_root, ext, names...)
 *   T_BITS/T_OCT/T_PRINTABLE(id, name, lb, ub, ext)   SIZE (lb..ub[, ...])
 *   T_SEQ(id, name, ext, members...)     M(name, id) mandatory, O(...) OPTIONAL,
 *                                        IEXT the usual iE-Extensions member
 *   T_CHOICE(id, name, n_root, ext, alternatives...)
 *   T_LIST(id, name, lb, ub, elem)       SEQUENCE (SIZE (lb..ub)) OF elem
 */
#ifndef AGW_PROTO_S1AP_TYPES_H
#define AGW_PROTO_S1AP_TYPES_H

#include "proto/s1ap.h"

#define S1AP_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define T_INT(id, nm, lo, hi, x)					\
	const struct s1ap_type s1ap_t_##id = {				\
		.name = nm, .kind = S1AP_K_INT, .ext = x, .lb = lo, .ub = hi }
#define T_ENUM(id, nm, nroot, x, ...)					\
	static const char *const id##_names[] = { __VA_ARGS__ };	\
	const struct s1ap_type s1ap_t_##id = {				\
		.name = nm, .kind = S1AP_K_ENUM, .ext = x, .n_root = nroot, \
		.n = S1AP_ARRAY_SIZE(id##_names), .names = id##_names }
#define T_STRING(id, nm, k, lo, hi, x)					\
	const struct s1ap_type s1ap_t_##id = {				\
		.name = nm, .kind = k, .ext = x, .lb = lo, .ub = hi }
#define T_BITS(id, nm, lo, hi, x) T_STRING(id, nm, S1AP_K_BITS, lo, hi, x)
#define T_OCT(id, nm, lo, hi, x) T_STRING(id, nm, S1AP_K_OCTETS, lo, hi, x)
#define T_PRINTABLE(id, nm, lo, hi, x) T_STRING(id, nm, S1AP_K_PRINTABLE, lo, hi, x)
#define T_SEQ(id, nm, x, ...)						\
	static const struct s1ap_member id##_m[] = { __VA_ARGS__ };	\
	const struct s1ap_type s1ap_t_##id = {				\
		.name = nm, .kind = S1AP_K_SEQ, .ext = x,		\
		.n_root = S1AP_ARRAY_SIZE(id##_m), .n = S1AP_ARRAY_SIZE(id##_m), .m = id##_m }
#define T_CHOICE(id, nm, nroot, x, ...)					\
	static const struct s1ap_member id##_m[] = { __VA_ARGS__ };	\
	const struct s1ap_type s1ap_t_##id = {				\
		.name = nm, .kind = S1AP_K_CHOICE, .ext = x,		\
		.n_root = nroot, .n = S1AP_ARRAY_SIZE(id##_m), .m = id##_m }
#define T_LIST(id, nm, lo, hi, el)					\
	const struct s1ap_type s1ap_t_##id = {				\
		.name = nm, .kind = S1AP_K_SEQOF, .lb = lo, .ub = hi, .elem = &s1ap_t_##el }
#define M(nm, ty) { nm, &s1ap_t_##ty, 0 }
#define O(nm, ty) { nm, &s1ap_t_##ty, 1 }
#define IEXT O("iE-Extensions", ext_container)

extern const struct s1ap_type s1ap_t_additional_cs_fallback_indicator;
extern const struct s1ap_type s1ap_t_arp;
extern const struct s1ap_type s1ap_t_bearers_subject_to_status_transfer_item;
extern const struct s1ap_type s1ap_t_bit_rate;
extern const struct s1ap_type s1ap_t_bplmns;
extern const struct s1ap_type s1ap_t_cause;
extern const struct s1ap_type s1ap_t_cause_misc;
extern const struct s1ap_type s1ap_t_cause_nas;
extern const struct s1ap_type s1ap_t_cause_protocol;
extern const struct s1ap_type s1ap_t_cause_radio_network;
extern const struct s1ap_type s1ap_t_cause_transport;
extern const struct s1ap_type s1ap_t_cell_access_mode;
extern const struct s1ap_type s1ap_t_cell_identity;
extern const struct s1ap_type s1ap_t_cgi;
extern const struct s1ap_type s1ap_t_ci;
extern const struct s1ap_type s1ap_t_cn_domain;
extern const struct s1ap_type s1ap_t_count_value;
extern const struct s1ap_type s1ap_t_crit_diag_ie_item;
extern const struct s1ap_type s1ap_t_crit_diag_ie_list;
extern const struct s1ap_type s1ap_t_criticality;
extern const struct s1ap_type s1ap_t_criticality_diagnostics;
extern const struct s1ap_type s1ap_t_cs_fallback_indicator;
extern const struct s1ap_type s1ap_t_csg_id;
extern const struct s1ap_type s1ap_t_csg_id_list;
extern const struct s1ap_type s1ap_t_csg_id_list_item;
extern const struct s1ap_type s1ap_t_csg_membership_status;
extern const struct s1ap_type s1ap_t_direct_forwarding_path_availability;
extern const struct s1ap_type s1ap_t_dl_nas_pdu_delivery_ack_request;
extern const struct s1ap_type s1ap_t_e_rab_admitted_item;
extern const struct s1ap_type s1ap_t_e_rab_data_forwarding_item;
extern const struct s1ap_type s1ap_t_e_rab_failed_to_setup_item_ho_req_ack;
extern const struct s1ap_type s1ap_t_e_rab_field_list;
extern const struct s1ap_type s1ap_t_e_rab_id;
extern const struct s1ap_type s1ap_t_e_rab_item;
extern const struct s1ap_type s1ap_t_e_rab_level_qos;
extern const struct s1ap_type s1ap_t_e_rab_modify_item_bearer_mod_res;
extern const struct s1ap_type s1ap_t_e_rab_release_item_bearer_rel_comp;
extern const struct s1ap_type s1ap_t_e_rab_setup_item_bearer_su_res;
extern const struct s1ap_type s1ap_t_e_rab_setup_item_ctxt_su_res;
extern const struct s1ap_type s1ap_t_e_rab_to_be_modified_item_bearer_mod_req;
extern const struct s1ap_type s1ap_t_e_rab_to_be_setup_item_bearer_su_req;
extern const struct s1ap_type s1ap_t_e_rab_to_be_setup_item_ctxt_su_req;
extern const struct s1ap_type s1ap_t_e_rab_to_be_setup_item_ho_req;
extern const struct s1ap_type s1ap_t_e_rab_to_be_switched_dl_item;
extern const struct s1ap_type s1ap_t_e_rab_to_be_switched_ul_item;
extern const struct s1ap_type s1ap_t_e_utran_trace_id;
extern const struct s1ap_type s1ap_t_enb_id;
extern const struct s1ap_type s1ap_t_enb_name;
extern const struct s1ap_type s1ap_t_enb_status_transfer_container;
extern const struct s1ap_type s1ap_t_enb_ue_s1ap_id;
extern const struct s1ap_type s1ap_t_encryption_algorithms;
extern const struct s1ap_type s1ap_t_end_indication;
extern const struct s1ap_type s1ap_t_eplmns;
extern const struct s1ap_type s1ap_t_eutran_cgi;
extern const struct s1ap_type s1ap_t_ext_container;
extern const struct s1ap_type s1ap_t_extended_rnc_id;
extern const struct s1ap_type s1ap_t_forbidden_inter_rats;
extern const struct s1ap_type s1ap_t_forbidden_lacs;
extern const struct s1ap_type s1ap_t_forbidden_las;
extern const struct s1ap_type s1ap_t_forbidden_las_item;
extern const struct s1ap_type s1ap_t_forbidden_tacs;
extern const struct s1ap_type s1ap_t_forbidden_tas;
extern const struct s1ap_type s1ap_t_forbidden_tas_item;
extern const struct s1ap_type s1ap_t_gbr_qos_information;
extern const struct s1ap_type s1ap_t_global_enb_id;
extern const struct s1ap_type s1ap_t_gtp_teid;
extern const struct s1ap_type s1ap_t_gummei;
extern const struct s1ap_type s1ap_t_gummei_type;
extern const struct s1ap_type s1ap_t_gw_context_release_indication;
extern const struct s1ap_type s1ap_t_handover_restriction_list;
extern const struct s1ap_type s1ap_t_handover_type;
extern const struct s1ap_type s1ap_t_hfn;
extern const struct s1ap_type s1ap_t_home_enb_id;
extern const struct s1ap_type s1ap_t_ie_container;
extern const struct s1ap_type s1ap_t_imsi;
extern const struct s1ap_type s1ap_t_integrity_algorithms;
extern const struct s1ap_type s1ap_t_interfaces_to_trace;
extern const struct s1ap_type s1ap_t_lac;
extern const struct s1ap_type s1ap_t_lai;
extern const struct s1ap_type s1ap_t_long_macro_enb_id;
extern const struct s1ap_type s1ap_t_m_tmsi;
extern const struct s1ap_type s1ap_t_macro_enb_id;
extern const struct s1ap_type s1ap_t_masked_imeisv;
extern const struct s1ap_type s1ap_t_mme_code;
extern const struct s1ap_type s1ap_t_mme_group_id;
extern const struct s1ap_type s1ap_t_mme_name;
extern const struct s1ap_type s1ap_t_mme_relay_support_indicator;
extern const struct s1ap_type s1ap_t_mme_ue_s1ap_id;
extern const struct s1ap_type s1ap_t_msg_body;
extern const struct s1ap_type s1ap_t_nas_pdu;
extern const struct s1ap_type s1ap_t_nb_iot_default_paging_drx;
extern const struct s1ap_type s1ap_t_next_hop_chaining_count;
extern const struct s1ap_type s1ap_t_paging_drx;
extern const struct s1ap_type s1ap_t_paging_priority;
extern const struct s1ap_type s1ap_t_pdcp_sn;
extern const struct s1ap_type s1ap_t_pending_data_indication;
extern const struct s1ap_type s1ap_t_plmn_identity;
extern const struct s1ap_type s1ap_t_pre_emption_capability;
extern const struct s1ap_type s1ap_t_pre_emption_vulnerability;
extern const struct s1ap_type s1ap_t_priority_level;
extern const struct s1ap_type s1ap_t_procedure_code;
extern const struct s1ap_type s1ap_t_protocol_ie_id;
extern const struct s1ap_type s1ap_t_ps_service_not_available;
extern const struct s1ap_type s1ap_t_qci;
extern const struct s1ap_type s1ap_t_rac;
extern const struct s1ap_type s1ap_t_receive_status_ul_pdcp_sdus;
extern const struct s1ap_type s1ap_t_relative_mme_capacity;
extern const struct s1ap_type s1ap_t_relay_node_indicator;
extern const struct s1ap_type s1ap_t_reset_all;
extern const struct s1ap_type s1ap_t_reset_type;
extern const struct s1ap_type s1ap_t_rnc_id;
extern const struct s1ap_type s1ap_t_rrc_establishment_cause;
extern const struct s1ap_type s1ap_t_s_tmsi;
extern const struct s1ap_type s1ap_t_security_context;
extern const struct s1ap_type s1ap_t_security_key;
extern const struct s1ap_type s1ap_t_served_group_ids;
extern const struct s1ap_type s1ap_t_served_gummeis;
extern const struct s1ap_type s1ap_t_served_gummeis_item;
extern const struct s1ap_type s1ap_t_served_mmecs;
extern const struct s1ap_type s1ap_t_served_plmns;
extern const struct s1ap_type s1ap_t_short_macro_enb_id;
extern const struct s1ap_type s1ap_t_srvcc_ho_indication;
extern const struct s1ap_type s1ap_t_srvcc_operation_not_possible;
extern const struct s1ap_type s1ap_t_srvcc_operation_possible;
extern const struct s1ap_type s1ap_t_subscriber_profile_id;
extern const struct s1ap_type s1ap_t_supported_tas;
extern const struct s1ap_type s1ap_t_supported_tas_item;
extern const struct s1ap_type s1ap_t_tac;
extern const struct s1ap_type s1ap_t_tai;
extern const struct s1ap_type s1ap_t_tai_item;
extern const struct s1ap_type s1ap_t_tai_list;
extern const struct s1ap_type s1ap_t_target_id;
extern const struct s1ap_type s1ap_t_target_rnc_id;
extern const struct s1ap_type s1ap_t_targetenb_id;
extern const struct s1ap_type s1ap_t_time_to_wait;
extern const struct s1ap_type s1ap_t_trace_activation;
extern const struct s1ap_type s1ap_t_trace_depth;
extern const struct s1ap_type s1ap_t_transparent_container;
extern const struct s1ap_type s1ap_t_transport_layer_address;
extern const struct s1ap_type s1ap_t_triggering_message;
extern const struct s1ap_type s1ap_t_type_of_error;
extern const struct s1ap_type s1ap_t_ue_ambr;
extern const struct s1ap_type s1ap_t_ue_assoc_s1_conn_item;
extern const struct s1ap_type s1ap_t_ue_assoc_s1_conn_list;
extern const struct s1ap_type s1ap_t_ue_capability_info_request;
extern const struct s1ap_type s1ap_t_ue_identity_index_value;
extern const struct s1ap_type s1ap_t_ue_paging_id;
extern const struct s1ap_type s1ap_t_ue_radio_capability;
extern const struct s1ap_type s1ap_t_ue_radio_capability_for_paging;
extern const struct s1ap_type s1ap_t_ue_retention_information;
extern const struct s1ap_type s1ap_t_ue_s1ap_id_pair;
extern const struct s1ap_type s1ap_t_ue_s1ap_ids;
extern const struct s1ap_type s1ap_t_ue_security_capabilities;
extern const struct s1ap_type s1ap_t_ue_usage_type;
extern const struct s1ap_type s1ap_t_user_location_information;
extern const struct s1ap_type s1ap_t_sourceenb_id;
extern const struct s1ap_type s1ap_t_enb_x2_tlas;
extern const struct s1ap_type s1ap_t_x2_tnl_configuration_info;
extern const struct s1ap_type s1ap_t_son_information_request;
extern const struct s1ap_type s1ap_t_son_information_reply;
extern const struct s1ap_type s1ap_t_son_information;
extern const struct s1ap_type s1ap_t_son_configuration_transfer;
extern const struct s1ap_type s1ap_t_ie_field, s1ap_t_ext_field;

#endif
